using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Swarm.Api;
using Swarm.Api.Contract;
using Swarm.Application.Security;
using Swarm.Hosting;
using Swarm.Tests;

namespace Swarm.LocalHost.Tests;

/// <summary>The request pipeline in-process, where a handler can be made to throw.</summary>
public sealed class ApiDispatcherTests
{
    static readonly ApiRoute Throwing = new("Throwing", "GET", "api/v1/boom", Permissions.SystemRead, typeof(ThrowingHandler)) { Contract = new("Throw", ApiResult.NoContent("Never.")) };

    readonly ApiDispatcher dispatcher;

    /// <summary>The dispatcher as the hosts build it, its audit trail and key store on the test Azurite.</summary>
    public ApiDispatcherTests()
    {
        var azurite = AzuriteServer.SharedAsync().GetAwaiter().GetResult();
        var services = new ServiceCollection().AddLogging().AddSwarm(TestSettings.Load(("database:connectionString", azurite.ConnectionString)));
        services.AddSingleton<ThrowingHandler>();
        dispatcher = services.BuildServiceProvider().GetRequiredService<ApiDispatcher>();
    }

    static ApiRequest Request(string? token) => new()
    {
        Method = "GET",
        Path = "/api/v1/tasks",
        CorrelationId = "corr-1",
        Headers = token is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer " + token },
    };

    // A null durable client: any request that got past authorization into a task handler would fail with a 500.
    Task<ApiResponse> Dispatch(ApiRoute route, string? token) => dispatcher.DispatchAsync(route, Request(token), durable: null!, CancellationToken.None);

    [Fact]
    public async Task A_request_without_a_token_is_401_with_a_bearer_challenge()
    {
        var response = await Dispatch(SwarmRoutes.SubmitTask, token: null);

        Assert.Equal(401, response.Status);
        Assert.Equal("Bearer", response.Headers["WWW-Authenticate"]);
        var problem = Assert.IsType<ProblemDetails>(response.Body);
        Assert.Equal("corr-1", problem.CorrelationId);
        Assert.Equal("/api/v1/tasks", problem.Instance);
    }

    [Fact]
    public async Task A_valid_token_without_the_permission_is_403_naming_it()
    {
        var response = await Dispatch(SwarmRoutes.SubmitTask, Tokens.Signed(["viewer"]));

        Assert.Equal(403, response.Status);
        Assert.Contains(Permissions.TasksSubmit, Assert.IsType<ProblemDetails>(response.Body).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_needs_no_token()
    {
        var response = await Dispatch(SwarmRoutes.Health, token: null);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_that_leaks_nothing()
    {
        var response = await Dispatch(Throwing, Tokens.Signed(["admin"]));

        Assert.Equal(500, response.Status);
        var problem = Assert.IsType<ProblemDetails>(response.Body);
        Assert.DoesNotContain(ThrowingHandler.Secret, problem.Detail, StringComparison.Ordinal);
        Assert.Equal("corr-1", response.Headers[CorrelationIds.Header]);
    }

    [Fact]
    public void Every_route_declares_a_known_permission_and_only_health_ready_and_the_event_handlers_handshake_are_anonymous()
    {
        var anonymous = SwarmRoutes.All.Where(r => r.Permission == Permissions.Anonymous).Select(r => r.Name);
        var serviceOnly = SwarmRoutes.All.Where(r => r.Permission == Permissions.ChannelService).Select(r => r.Name);

        Assert.Equal(["Health", "Ready", "RealtimeHandshake"], anonymous);
        Assert.Equal(["RealtimeEvents"], serviceOnly);
        Assert.DoesNotContain(Permissions.ChannelService, Permissions.All);
        Assert.DoesNotContain(Permissions.Authenticated, Permissions.All);
        Assert.Equal(["GetOpenApi"], SwarmRoutes.All.Where(r => r.Permission == Permissions.Authenticated).Select(r => r.Name));
        Assert.All(SwarmRoutes.All.Where(r => r.Permission is not (Permissions.Anonymous or Permissions.ChannelService or Permissions.Authenticated)), r => Assert.Contains(r.Permission, Permissions.All));
    }

    [Fact]
    public async Task A_change_that_cannot_be_audited_is_answered_503_not_success()
    {
        // Storage on a port nobody listens on: the handler succeeds, the audit write cannot.
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"TableEndpoint=http://127.0.0.1:{FreePorts.Next()}/devstoreaccount1;";
        var services = new ServiceCollection().AddLogging().AddSwarm(TestSettings.Load(("database:connectionString", unreachable)));
        services.AddSingleton<AcceptingHandler>();
        var isolated = services.BuildServiceProvider().GetRequiredService<ApiDispatcher>();
        var change = new ApiRoute("Change", "POST", "api/v1/change", Permissions.TasksSubmit, typeof(AcceptingHandler)) { Contract = new("Accept", ApiResult.NoContent("Accepted.")) };

        var response = await isolated.DispatchAsync(change, Request(Tokens.Signed(["admin"])) with { Method = "POST" }, durable: null!, CancellationToken.None);

        Assert.Equal(503, response.Status);
        Assert.Equal("urn:swarm:problem:audit-unavailable", Assert.IsType<ProblemDetails>(response.Body).Type);
    }

    sealed class AcceptingHandler : IApiHandler
    {
        public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
            Task.FromResult(new ApiResponse(202, new { accepted = true }));
    }

    sealed class ThrowingHandler : IApiHandler
    {
        public const string Secret = "connection-string-with-AccountKey=xyz";

        public Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
