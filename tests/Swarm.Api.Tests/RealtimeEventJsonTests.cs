using Microsoft.DurableTask.Converters;
using Swarm.Api;
using Swarm.Workflows.Json;
using Swarm.Workflows.Realtime;

namespace Swarm.Api.Tests;

/// <summary>Events are read by people in terminals as much as by programs: quotes and pluses arrive as written.</summary>
public sealed class RealtimeEventJsonTests
{
    const string Answer = "[simulated] answer to \"What is 2+2?\"";

    [Fact]
    public void An_event_writes_quotes_and_pluses_as_json_requires_not_as_unicode_escapes()
    {
        var frame = RealtimeEvents.Finished("someone", "task-1", "completed", Answer).ToJson();

        Assert.Contains("""\"What is 2+2?\""", frame, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\u0022", frame, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\u002B", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_that_went_through_durable_history_is_still_written_without_unicode_escapes()
    {
        // The activity that sends an event gets it as its input, written to history by the durable converter.
        var notice = RealtimeEvents.Message("agent-1", "message-1", "agent:agent-2", "handoff", "Tom said \"ship it\" + tag v2", DateTimeOffset.UnixEpoch);
        var replayed = JsonDataConverter.Default.Deserialize<RealtimeDelivery>(JsonDataConverter.Default.Serialize(notice))!;

        var frame = replayed.ToJson();

        Assert.Contains("""Tom said \"ship it\" + tag v2""", frame, StringComparison.Ordinal);
        Assert.DoesNotContain(@"\u00", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_and_the_events_share_one_json_shape()
    {
        Assert.Same(SwarmJson.Options, ApiJson.Options);
    }
}
