using Swarm.Domain.Patterns;
using Swarm.Domain.Tasks;

namespace Swarm.Domain.Tests.Patterns;

/// <summary>Builds fingerprints for tests: a completed single-step task unless told otherwise.</summary>
static class Fingerprints
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    public static TaskFingerprint Of(
        string taskId,
        string prompt,
        int minute = 0,
        TaskStrategy strategy = TaskStrategy.Single,
        bool succeeded = true,
        string agent = "coder-1",
        string? submittedBy = "alice",
        decimal cost = 0.01m,
        IReadOnlyList<string>? capabilities = null) =>
        new(
            taskId,
            T0.AddMinutes(minute),
            submittedBy,
            CapabilityKey.Of(capabilities),
            capabilities ?? [],
            strategy,
            succeeded ? TaskRunStatus.Completed : TaskRunStatus.Failed,
            succeeded ? null : "NoAgentAvailable",
            cost,
            1_000,
            [new StepTrace(agent, "answer", capabilities ?? [], succeeded)],
            PromptTerms.From(prompt));
}
