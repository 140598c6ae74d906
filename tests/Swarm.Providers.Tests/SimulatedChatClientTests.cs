using Microsoft.Extensions.AI;
using Swarm.Providers.Configuration;
using Swarm.Providers.Resilience;
using Swarm.Providers.Simulated;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Providers.Tests;

public sealed class SimulatedChatClientTests
{
    static ChatOptions For(string model, string? agent = null, string? capability = null) =>
        agent is null ? new ChatOptions { ModelId = model } : new ModelCallContext(agent, capability).AttachTo(new ChatOptions { ModelId = model });

    [Fact]
    public async Task The_same_prompt_gets_the_same_labelled_answer_and_different_prompts_differ()
    {
        using var client = new SimulatedChatClient(new SimulatedProviderSettings(), TimeProvider.System);

        var first = await client.GetResponseAsync("Summarise the report");
        var again = await client.GetResponseAsync("Summarise the report");
        var other = await client.GetResponseAsync("Summarise the memo");

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.StartsWith(SimulatedChatClient.Label, first.Text, StringComparison.Ordinal);
        Assert.Equal(SimulatedChatClient.Answer("Summarise the report"), first.Text);
        Assert.Equal(3, first.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task A_profile_with_no_accuracy_always_answers_wrong_but_still_labelled()
    {
        var settings = new SimulatedProviderSettings { Profiles = { ["guesser"] = new SimulatedProfile { Accuracy = 0 } } };
        using var client = new SimulatedChatClient(settings, TimeProvider.System);

        for (var i = 0; i < 20; i++)
        {
            var reply = await client.GetResponseAsync("What is 6 x 7?", For("guesser"));
            Assert.NotEqual(SimulatedChatClient.Answer("What is 6 x 7?"), reply.Text);
            Assert.StartsWith(SimulatedChatClient.Label, reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Accuracy_per_capability_overrides_the_profile_and_shows_in_the_share_of_right_answers()
    {
        var settings = new SimulatedProviderSettings
        {
            Seed = 7,
            Profiles = { ["analyst"] = new SimulatedProfile { Accuracy = 0.2, CapabilityAccuracy = { ["analysis"] = 0.9 } } },
        };
        using var client = new SimulatedChatClient(settings, TimeProvider.System);

        async Task<int> RightOutOf(int calls, string capability)
        {
            var right = 0;
            for (var i = 0; i < calls; i++)
            {
                var prompt = $"question {i}";
                var reply = await client.GetResponseAsync(prompt, For("analyst", "a1", capability));
                right += reply.Text == SimulatedChatClient.Answer(prompt) ? 1 : 0;
            }

            return right;
        }

        var analysis = await RightOutOf(400, "analysis");
        var writing = await RightOutOf(400, "writing");

        // 400 draws at p = 0.9 and p = 0.2: each count lies within about four standard deviations (6 and 8) of its mean.
        Assert.InRange(analysis, 336, 384);
        Assert.InRange(writing, 48, 112);
    }

    [Fact]
    public async Task A_seeded_run_draws_the_same_answers_again()
    {
        static async Task<string[]> RunAsync()
        {
            var settings = new SimulatedProviderSettings { Seed = 42, Accuracy = 0.5 };
            using var client = new SimulatedChatClient(settings, TimeProvider.System);
            var replies = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                replies.Add((await client.GetResponseAsync($"q{i % 5}", For("simulated", "agent-7"))).Text);
            }

            return [.. replies];
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 5, "a coin-flip accuracy should give both right and wrong answers");
    }

    [Fact]
    public async Task A_plan_asked_for_as_structured_output_has_subtasks_that_differ_from_each_other()
    {
        using var client = new SimulatedChatClient(new SimulatedProviderSettings(), TimeProvider.System);

        var (plan, response) = await StructuredReplies.GetAsync<Swarm.Workflows.Tasks.TaskPlan>(
            client, [new ChatMessage(ChatRole.User, "Compare three databases for a startup")], For("simulated"), CancellationToken.None);

        // Items of an array of objects are numbered like items of an array of strings: three subtasks, not one three times.
        Assert.Equal(SimulatedJson.ArrayLength, plan.Subtasks.Count);
        Assert.Equal(plan.Subtasks.Count, plan.Subtasks.Select(s => s.Prompt).Distinct(StringComparer.Ordinal).Count());
        Assert.All(plan.Subtasks, (s, i) => Assert.StartsWith($"{SimulatedChatClient.Label} prompt {i + 1}: ", s.Prompt, StringComparison.Ordinal));
        Assert.All(plan.Subtasks, s => Assert.Contains("Compare three databases", s.Prompt, StringComparison.Ordinal));
        Assert.Contains(SimulatedChatClient.Label, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_rate_of_one_fails_every_call_like_an_overloaded_vendor()
    {
        var settings = new SimulatedProviderSettings { FailureRate = 1 };
        using var client = new SimulatedChatClient(settings, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ProviderFaultException>(() => client.GetResponseAsync("x", For("simulated")));

        Assert.True(error.IsTransient);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Status);
    }

    [Fact]
    public async Task The_configured_latency_is_waited()
    {
        using var client = new SimulatedChatClient(new SimulatedProviderSettings { LatencyMs = 300 }, TimeProvider.System);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await client.GetResponseAsync("x");

        Assert.True(clock.ElapsedMilliseconds >= 290, $"answered after {clock.ElapsedMilliseconds} ms");
    }
}
