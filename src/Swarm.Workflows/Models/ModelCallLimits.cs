using Swarm.Domain.Time;

namespace Swarm.Workflows.Models;

/// <summary>How long one model call may take before it is abandoned (and, being an activity, retried durably).</summary>
public sealed record ModelCallLimits(TimeSpan Timeout)
{
    public static ModelCallLimits Default { get; } = new(TimeSpan.FromSeconds(120));

    /// <summary>
    /// Runs a model call under <see cref="Timeout"/>, and never past the task's deadline. A hung call must end:
    /// otherwise it holds a worker slot (and in Azure runs into the function timeout) forever. The deadline is enforced
    /// here, inside the activity, rather than by a timer in the orchestration: an orchestration cannot stop a running
    /// activity, and Durable Task does not complete an orchestration while one of its activities is still open.
    /// </summary>
    /// <param name="what">The call, as the error names it, e.g. <c>model call</c>, <c>ballot call</c>.</param>
    /// <param name="deadline">When the task the call works for must be done; null for none.</param>
    /// <exception cref="ModelCallFailedException">The call took longer than <see cref="Timeout"/>.</exception>
    /// <exception cref="TaskDeadlinePassedException">The task's deadline came first.</exception>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, DateTimeOffset? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var left = deadline is { } due ? due - DateTimeOffset.UtcNow : TimeSpan.MaxValue;
        if (left <= TimeSpan.Zero)
        {
            throw new TaskDeadlinePassedException($"The task's deadline passed before the {what} started.");
        }

        var deadlineFirst = left < Timeout;
        using var timeout = new CancellationTokenSource(deadlineFirst ? left : Timeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            // Any failure once the limit fired is the limit's: a vendor SDK may wrap the cancellation in its own type.
            throw deadlineFirst
                ? new TaskDeadlinePassedException($"The task's deadline passed during the {what}; the call was stopped.")
                : new ModelCallFailedException($"The {what} took longer than {ReadableDuration.Of(Timeout)} (providers:callTimeoutSeconds).");
        }
    }
}
