namespace Swarm.Workflows.Agents;

/// <summary>How long one model call may take before it is abandoned (and, being an activity, retried durably).</summary>
public sealed record ModelCallLimits(TimeSpan Timeout)
{
    public static ModelCallLimits Default { get; } = new(TimeSpan.FromSeconds(120));

    /// <summary>
    /// Runs a model call under <see cref="Timeout"/>. A hung call must end: otherwise it holds a worker slot (and in
    /// Azure runs into the function timeout) forever.
    /// </summary>
    /// <param name="what">The call, as the error names it, e.g. <c>model call</c>, <c>ballot call</c>.</param>
    /// <exception cref="ModelCallFailedException">The call took longer than <see cref="Timeout"/>.</exception>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new ModelCallFailedException($"The {what} took longer than {Timeout.TotalSeconds:0} s (providers:callTimeoutSeconds).");
        }
    }
}
