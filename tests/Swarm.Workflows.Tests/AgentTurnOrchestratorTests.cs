using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Domain.Agents;
using Swarm.Domain.Tasks;
using Swarm.Providers;
using Swarm.Providers.Accounting;
using Swarm.Providers.Simulated;
using Swarm.Tests;
using Swarm.Workflows.Agents;
using Swarm.Workflows.Models;

namespace Swarm.Workflows.Tests;

/// <summary>The agent turn on the real Durable Task runtime (the in-process test host: in-memory backend, real orchestration engine).</summary>
public sealed class AgentTurnOrchestratorTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    static AgentTurn Turn(string prompt, string provider = "simulated") =>
        new("task-0123456789abcdef0123456789abcdef", new AgentProfile("q1", "Queen", AgentType.Queen, new ProviderSettings(provider, "sim-1"), 4), prompt);

    static Task<DurableTaskTestHost> StartAsync(IChatClientProvider clients, ModelCallLimits? limits = null) =>
        DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator<AgentTurnOrchestrator>();
                tasks.AddActivity<InvokeAgentActivity>();
            },
            new DurableTaskTestHostOptions
            {
                // The host's own random port can fall in Linux's ephemeral range, where the parallel test runs' outbound
                // connections also take ports; seen here as "address already in use". FreePorts picks below that range.
                Port = FreePorts.Next(),
                ConfigureServices = services => services.AddSingleton(clients).AddSingleton(limits ?? ModelCallLimits.Default).AddSingleton<Swarm.Workflows.Tools.IToolServers, Swarm.Workflows.Tools.NoToolServers>(),
            });

    static ProviderCatalog Catalog(params (string Key, string? Value)[] overrides) =>
        new(TestSettings.Load(overrides).Providers, TimeProvider.System, new ProviderMetrics());

    static async Task<OrchestrationMetadata> RunAsync(DurableTaskTestHost host, AgentTurn turn)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AgentTurnOrchestrator), turn);
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task A_turn_on_the_simulated_provider_returns_its_labelled_answer()
    {
        using var clients = Catalog();
        await using var host = await StartAsync(clients);

        var result = await RunAsync(host, Turn("Outline a report on bees"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var answer = result.ReadOutputAs<AgentAnswer>()!;
        Assert.Equal(SimulatedChatClient.Answer("Outline a report on bees"), answer.Text);
        Assert.True(answer.Simulated);
        Assert.Equal("simulated", answer.Provider);
        // Tokens are the words of everything sent: the queen's default instructions and the five words of the prompt.
        Assert.Equal(AgentInstructions.Queen.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length + 5, answer.InputTokens);
    }

    [Fact]
    public async Task A_model_call_that_fails_twice_is_retried_durably_and_succeeds()
    {
        var clients = new ScriptedChatClients(failures: 2);
        await using var host = await StartAsync(clients);

        var result = await RunAsync(host, Turn("x", provider: "scripted"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("answer after 3 calls", result.ReadOutputAs<AgentAnswer>()!.Text);
        Assert.False(result.ReadOutputAs<AgentAnswer>()!.Simulated);
        Assert.Equal(3, clients.Calls);
    }

    [Fact]
    public async Task A_model_that_keeps_failing_fails_the_turn_after_three_attempts_with_the_reason()
    {
        var clients = new ScriptedChatClients(failures: int.MaxValue);
        await using var host = await StartAsync(clients);

        var result = await RunAsync(host, Turn("x", provider: "scripted"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(3, clients.Calls);
        Assert.Contains("model unavailable (call 3)", Innermost(result.FailureDetails!).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_without_its_key_fails_the_turn_at_once_naming_the_missing_setting()
    {
        using var catalog = Catalog();
        var clients = new CountingProvider(catalog);
        await using var host = await StartAsync(clients);

        var result = await RunAsync(host, Turn("x", provider: "openai"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("OPENAI_API_KEY", Innermost(result.FailureDetails!).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, clients.Calls);
    }

    [Fact]
    public async Task A_call_the_provider_rejected_is_not_retried_durably()
    {
        var clients = new ScriptedChatClients(failures: int.MaxValue, rejects: true);
        await using var host = await StartAsync(clients);

        var result = await RunAsync(host, Turn("x", provider: "scripted"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("HTTP 401", Innermost(result.FailureDetails!).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, clients.Calls);
    }

    /// <summary>Counts how often the activity asked for a client: once per durable attempt.</summary>
    sealed class CountingProvider(IChatClientProvider inner) : IChatClientProvider
    {
        int calls;

        public int Calls => calls;

        public Microsoft.Extensions.AI.IChatClient GetClient(ProviderSettings agentProvider)
        {
            Interlocked.Increment(ref calls);
            return inner.GetClient(agentProvider);
        }
    }

    [Fact]
    public async Task A_model_call_that_hangs_is_abandoned_at_its_timeout_and_the_turn_fails_saying_so()
    {
        using var clients = Catalog(("providers:simulated:latencyMs", "60000"));
        await using var host = await StartAsync(clients, new ModelCallLimits(TimeSpan.FromMilliseconds(300)));

        var result = await RunAsync(host, Turn("never answered in time"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("took longer than", Innermost(result.FailureDetails!).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_call_still_running_at_the_tasks_deadline_is_stopped_and_not_retried()
    {
        using var catalog = Catalog(("providers:simulated:latencyMs", "60000"));
        var clients = new CountingProvider(catalog);
        await using var host = await StartAsync(clients);

        var result = await RunAsync(host, Turn("too slow for the deadline") with { Deadline = DateTimeOffset.UtcNow.AddSeconds(3) });

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var cause = Innermost(result.FailureDetails!);
        Assert.Equal(typeof(TaskDeadlinePassedException).FullName, cause.ErrorType);
        Assert.Contains("deadline passed during the model call", cause.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, clients.Calls);
    }

    [Fact]
    public async Task A_turn_whose_deadline_has_passed_makes_no_model_call()
    {
        var clients = new ScriptedChatClients(failures: 0);
        await using var host = await StartAsync(clients);

        var result = await RunAsync(host, Turn("x", provider: "scripted") with { Deadline = DateTimeOffset.UtcNow.AddSeconds(-1) });

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("deadline passed before the model call started", Innermost(result.FailureDetails!).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, clients.Calls);
    }

    static TaskFailureDetails Innermost(TaskFailureDetails failure) => failure.InnerFailure is { } inner ? Innermost(inner) : failure;
}
