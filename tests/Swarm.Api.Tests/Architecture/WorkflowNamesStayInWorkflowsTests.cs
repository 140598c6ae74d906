using System.Text.RegularExpressions;
using Swarm.Tests;

namespace Swarm.Api.Tests.Architecture;

/// <summary>
/// Handlers and jobs reach the workflows only through their typed clients (<c>DispatcherClient</c>, <c>TaskRunClient</c>,
/// ...), so an entity operation, orchestration or event name lives in one place, beside its workflow.
/// </summary>
public sealed partial class WorkflowNamesStayInWorkflowsTests
{
    /// <summary>The projects whose handlers, jobs and services call the workflows (the hosts only wire them).</summary>
    static readonly string[] OutsideTheWorkflows = ["Swarm.Api", "Swarm.Application", "Swarm.Adapters", "Swarm.Hosting"];

    [GeneratedRegex(@"nameof\(\w+(Entity|Orchestrator|Activity)(\.\w+)?\)|SignalEntityAsync|ScheduleNewOrchestrationInstanceAsync|RaiseEventAsync|CallEntityAsync")]
    private static partial Regex RawDurableCall();

    [Fact]
    public void No_handler_or_job_names_an_entity_operation_an_orchestration_or_an_event()
    {
        var sources = OutsideTheWorkflows
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offenders = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepositoryPaths.Root, f), Line: i + 1, Text: line)))
            .Where(l => RawDurableCall().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(sources);
        Assert.True(offenders.Count == 0, "Use the workflows' typed clients instead:\n" + string.Join("\n", offenders));
    }
}
