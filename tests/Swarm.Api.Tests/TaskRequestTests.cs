using Swarm.Api.Endpoints.Tasks;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Tests;

public sealed class TaskRequestTests
{
    static readonly TaskLimits Limits = new(MaxPromptLength: 10, MaxMetadataEntries: 2, MaxMetadataValueLength: 5);

    [Fact]
    public void A_request_without_notify_serializes_as_it_did_before_the_field_existed()
    {
        // The idempotency fingerprint hashes this JSON; a retry sent across the upgrade must still match its first try.
        var json = System.Text.Json.JsonSerializer.Serialize(new TaskRequest("Summarise the report", Priority: 7));

        Assert.DoesNotContain("Notify", json, StringComparison.Ordinal);
        Assert.Contains("\"RequiresApproval\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"Notify\":true", System.Text.Json.JsonSerializer.Serialize(new TaskRequest("x", Notify: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_stream_serializes_as_it_did_before_the_field_existed()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new TaskRequest("Summarise the report", Notify: true));

        Assert.DoesNotContain("Stream", json, StringComparison.Ordinal);
        Assert.Contains("\"Stream\":true", System.Text.Json.JsonSerializer.Serialize(new TaskRequest("x", Stream: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_prompt_within_limits_is_valid()
    {
        Assert.Empty(new TaskRequest("hello", 3, new Dictionary<string, string> { ["k"] = "v" }).Validate(Limits));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_prompt_is_named(string? prompt)
    {
        var error = Assert.Single(new TaskRequest(prompt).Validate(Limits));

        Assert.Equal("prompt", error.Field);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_field()
    {
        var errors = new TaskRequest(new string('x', 11), 11, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "toolong" })
            .Validate(Limits);

        Assert.Equal(["prompt", "priority", "metadata", "metadata.c"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("task-0123456789abcdef0123456789abcdef", true)]
    [InlineData("task-0123456789ABCDEF0123456789abcdef", false)]
    [InlineData("@agent@queen-1", false)]
    [InlineData("task-123", false)]
    [InlineData(null, false)]
    public void Task_ids_have_one_shape(string? id, bool wellFormed)
    {
        Assert.Equal(wellFormed, TaskId.IsWellFormed(id));
    }

    [Fact]
    public void New_task_ids_are_well_formed_and_distinct()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => TaskId.New()).ToList();

        Assert.All(ids, id => Assert.True(TaskId.IsWellFormed(id)));
        Assert.Equal(100, ids.Distinct().Count());
    }
}
