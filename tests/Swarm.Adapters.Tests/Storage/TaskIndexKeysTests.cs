using Swarm.Adapters.Storage;

namespace Swarm.Adapters.Tests.Storage;

/// <summary>The task index's key scheme: newest first in key order, one partition per submitter, tokens that are row keys.</summary>
public sealed class TaskIndexKeysTests
{
    static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    const string First = "task-00000000000000000000000000000001";
    const string Second = "task-00000000000000000000000000000002";

    [Fact]
    public void A_task_accepted_later_sorts_first_in_key_order()
    {
        var earlier = TaskIndexKeys.RowKey(Noon, Second);
        var later = TaskIndexKeys.RowKey(Noon.AddTicks(1), First);
        var muchLater = TaskIndexKeys.RowKey(Noon.AddYears(30), First);

        string[] keys = [earlier, muchLater, later];
        Array.Sort(keys, StringComparer.Ordinal); // Table storage orders row keys by ordinal comparison

        Assert.Equal([muchLater, later, earlier], keys);
    }

    [Fact]
    public void Tasks_accepted_in_the_same_tick_get_distinct_keys_ordered_by_id()
    {
        var a = TaskIndexKeys.RowKey(Noon, First);
        var b = TaskIndexKeys.RowKey(Noon, Second);

        Assert.NotEqual(a, b);
        Assert.True(string.CompareOrdinal(a, b) < 0);
    }

    [Fact]
    public void The_key_ignores_the_offset_the_time_was_written_in()
    {
        Assert.Equal(TaskIndexKeys.RowKey(Noon, First), TaskIndexKeys.RowKey(Noon.ToOffset(TimeSpan.FromHours(5)), First));
    }

    [Fact]
    public void Every_key_fits_a_fixed_width_so_ordinal_order_is_time_order()
    {
        Assert.Equal(TaskIndexKeys.RowKey(DateTimeOffset.MinValue, First).Length, TaskIndexKeys.RowKey(DateTimeOffset.MaxValue, First).Length);
        Assert.StartsWith("0000000000000000000_", TaskIndexKeys.RowKey(DateTimeOffset.MaxValue, First), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("https://login.example/tenant/#user?x=1")]
    [InlineData("back\\slash\u0001control")]
    public void A_submitter_partition_is_a_legal_key_whatever_the_subject_holds(string subject)
    {
        var partition = TaskIndexKeys.Submitter(subject);

        Assert.Matches("^by-[0-9a-f]{32}$", partition);
        Assert.Equal(partition, TaskIndexKeys.Submitter(subject));
        Assert.NotEqual(TaskIndexKeys.Everyone, partition);
        Assert.NotEqual(TaskIndexKeys.Open, partition);
    }

    [Fact]
    public void Two_submitters_have_two_partitions()
    {
        Assert.NotEqual(TaskIndexKeys.Submitter("alice"), TaskIndexKeys.Submitter("Alice"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1!cGFnZQ--")]
    [InlineData("0000000000000000001_task-XYZ")]
    [InlineData("0000000000000000001_agent-00000000000000000000000000000001")]
    [InlineData("000000000000000001_task-00000000000000000000000000000001")]
    public void Only_a_row_key_is_a_continuation_token(string? token)
    {
        Assert.False(TaskIndexKeys.IsRowKey(token));
    }

    [Fact]
    public void A_row_key_is_a_continuation_token()
    {
        Assert.True(TaskIndexKeys.IsRowKey(TaskIndexKeys.RowKey(Noon, First)));
    }
}
