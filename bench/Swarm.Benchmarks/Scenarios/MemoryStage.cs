using Swarm.Benchmarks.Measurement;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>One reading of the memory scenario; a null figure could not be read.</summary>
sealed record MemoryStage(string Name, int AgentsCreated, int TasksCompleted, ProcessMemory? Host, ManagedHeap? Heap, ProcessMemory? Azurite);
