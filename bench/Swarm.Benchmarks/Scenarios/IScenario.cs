using Swarm.Benchmarks.Reporting;

namespace Swarm.Benchmarks.Scenarios;

/// <summary>One measurement the benchmark can make; it writes its own section of the report as it goes.</summary>
interface IScenario
{
    /// <summary>The name <c>--scenario</c> selects it by.</summary>
    string Name { get; }

    string Title { get; }

    /// <exception cref="TimeoutException">The scenario ran out of time; what it measured until then is already in the report.</exception>
    Task RunAsync(MarkdownReport report, CancellationToken cancellationToken);
}
