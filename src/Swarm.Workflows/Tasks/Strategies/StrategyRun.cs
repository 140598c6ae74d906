using Swarm.Domain.Tasks;

namespace Swarm.Workflows.Tasks.Strategies;

/// <summary>What a strategy produced: the steps it ran and the answer that is the task's result.</summary>
/// <param name="Final">The step whose answer is the result, or null when the result is the steps side by side.</param>
public sealed record StrategyRun(IReadOnlyList<StepOutcome> Steps, StepOutcome? Final)
{
    /// <summary>The result: the final step's answer, or every answer labelled with its step and agent.</summary>
    public AgentAnswer Answer()
    {
        if (Final is not null)
        {
            return Final.Answer;
        }

        var answers = Steps.Select(s => s.Answer).ToList();
        var text = string.Join("\n\n", Steps.Select(s => $"[{s.Stage} · {s.AgentId}]\n{s.Answer.Text}"));
        var providers = answers.Select(a => a.Provider).Distinct(StringComparer.Ordinal).ToList();
        var models = answers.Select(a => a.Model).Distinct(StringComparer.Ordinal).ToList();
        return new AgentAnswer(
            text,
            providers.Count == 1 ? providers[0] : "multiple",
            models.Count == 1 ? models[0] : "multiple",
            answers.All(a => a.Simulated),
            answers.Sum(a => a.InputTokens),
            answers.Sum(a => a.OutputTokens),
            answers.Max(a => a.LatencyMs),
            answers.Any(a => a.CostUsd is not null) ? answers.Sum(a => a.CostUsd ?? 0) : null);
    }
}
