using Swarm.Domain.Memory;
using Swarm.Workflows.Memory;

namespace Swarm.Workflows.Tests.Entities;

/// <summary>The memory entity run directly: the reads the memory tools make, and that reading an empty namespace leaves nothing behind.</summary>
public sealed class MemoryEntityTests
{
    static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-06T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    static MemoryWrite Write(string key, string value) => new(key, new MemoryEntry(value, At, "agent:r1", false));

    [Fact]
    public async Task A_read_of_a_namespace_nobody_wrote_to_deletes_the_entity_it_would_leave()
    {
        var memory = new EntityOperations<MemoryEntity>(MemoryEntity.IdFor("task-0123456789abcdef0123456789abcdef"));

        var entry = await memory.RunAsync<MemoryEntry?>(nameof(MemoryEntity.Read), "anything");
        var hits = await memory.RunAsync<IReadOnlyList<MemoryHit>>(nameof(MemoryEntity.Search), new MemorySearchQuery("solar", 5));

        Assert.Null(entry);
        Assert.Empty(hits!);
        Assert.Null(memory.State);
    }

    [Fact]
    public async Task Reads_answer_with_one_entry_the_keys_or_the_best_matches_and_keep_the_shelf()
    {
        var memory = new EntityOperations<MemoryEntity>(MemoryEntity.IdFor("research"));
        await memory.RunAsync<bool>(nameof(MemoryEntity.Put), Write("solar", "Solar capacity grew."));
        await memory.RunAsync<bool>(nameof(MemoryEntity.Put), Write("wind", "Wind capacity grew."));
        await memory.RunAsync<bool>(nameof(MemoryEntity.Put), Write("sources", "Agency reports."));

        var entry = await memory.RunAsync<MemoryEntry?>(nameof(MemoryEntity.Read), "wind");
        var keys = await memory.RunAsync<IReadOnlyList<string>>(nameof(MemoryEntity.Keys), new MemoryKeyQuery("s", 10));
        var hits = await memory.RunAsync<IReadOnlyList<MemoryHit>>(nameof(MemoryEntity.Search), new MemorySearchQuery("solar capacity", 1));

        Assert.Equal("Wind capacity grew.", entry!.Value);
        Assert.Equal(new[] { "solar", "sources" }, keys);
        Assert.Equal("solar", Assert.Single(hits!).Key);
        Assert.Equal(3, Assert.IsType<MemoryShelf>(memory.State).Entries.Count);
    }
}
