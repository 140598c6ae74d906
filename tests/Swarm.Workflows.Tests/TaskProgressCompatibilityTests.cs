using Microsoft.DurableTask.Converters;
using Swarm.Workflows.Tasks;

namespace Swarm.Workflows.Tests;

/// <summary>
/// A running task's custom status is read back by the API long after it was written, possibly by an older build: the
/// phase, renamed from <c>Step</c> in code, must keep its stored name.
/// </summary>
public sealed class TaskProgressCompatibilityTests
{
    [Fact]
    public void A_status_written_before_the_phase_was_renamed_reads_back_with_its_phase()
    {
        const string stored = """{"Step":"awaiting-approval","Strategy":null,"Seats":[],"Waiting":[],"Agents":[],"Timeline":[],"Failure":null}""";

        var progress = JsonDataConverter.Default.Deserialize<TaskProgress>(stored)!;

        Assert.Equal(TaskProgress.AwaitingApproval, progress.Phase);
    }

    [Fact]
    public void A_status_written_today_keeps_the_stored_name_older_builds_read()
    {
        var today = new TaskProgress(TaskProgress.Running, "single", [], [], [], []);

        var json = JsonDataConverter.Default.Serialize(today)!;

        Assert.Contains("\"Step\":\"running\"", json, StringComparison.Ordinal);
    }
}
