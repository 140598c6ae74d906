using System.Text.Json;
using System.Text.Json.Nodes;
using Swarm.Api.Contract;
using Swarm.Api.Endpoints.Tasks;
using Swarm.Application.Security;
using Swarm.Domain.Tasks;
using Swarm.Tests;

namespace Swarm.Api.Tests.OpenApi;

/// <summary>The OpenAPI document is the route table's: every route is in it once, with its permission, credentials and problems, and the committed copy is what the code generates.</summary>
public sealed class OpenApiDocumentTests
{
    static readonly JsonObject Document = OpenApiDocument.ForSwarm;

    static JsonObject Paths => Document["paths"]!.AsObject();

    static JsonObject OperationOf(ApiRoute route) => Paths["/" + route.Template]![route.Method.ToLowerInvariant()]!.AsObject();

    [Fact]
    public void Every_route_of_the_table_is_an_operation_and_the_document_has_no_other()
    {
        var declared = SwarmRoutes.All.Select(r => $"{r.Method} /{r.Template}").Order(StringComparer.Ordinal).ToList();
        var documented = Paths.SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}")).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(declared, documented);
        Assert.All(SwarmRoutes.All, r => Assert.Equal(r.Name, OperationOf(r)["operationId"]!.GetValue<string>()));
    }

    [Fact]
    public void A_document_of_fewer_routes_lacks_exactly_those()
    {
        var partial = OpenApiDocument.Generate([.. SwarmRoutes.All.Where(r => r != SwarmRoutes.GetTask)]);

        Assert.Null(partial["paths"]!["/api/v1/tasks/{id}"]);
        Assert.NotNull(partial["paths"]!["/api/v1/tasks"]!["post"]);
    }

    [Fact]
    public void The_committed_document_is_what_the_code_generates()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api", "openapi.json"));

        Assert.True(
            committed == OpenApiDocument.ToFileText(Document),
            "docs/api/openapi.json differs from what the route table generates; regenerate it (README \"OpenAPI\"): " +
            "dotnet run --project src/Swarm.LocalHost -c Release -- openapi docs/api/openapi.json");
    }

    [Fact]
    public void Each_route_declares_a_body_exactly_when_it_reads_one()
    {
        Assert.All(SwarmRoutes.All, r => Assert.True(r.TakesBody == r.Contract.Body is not null, $"{r.Name}: TakesBody is {r.TakesBody} but its contract's body is {r.Contract.Body?.Name ?? "none"}."));
    }

    [Fact]
    public void Every_operation_names_its_permission_and_credentials_and_answers_errors_with_problem_details()
    {
        foreach (var route in SwarmRoutes.All)
        {
            var operation = OperationOf(route);
            Assert.Equal(route.Permission, operation["x-permission"]!.GetValue<string>());
            Assert.Contains(route.Permission == Permissions.Anonymous ? "No credential needed" : route.Permission == Permissions.ChannelService ? "real-time service" : route.Permission, operation["description"]!.GetValue<string>(), StringComparison.Ordinal);

            var security = operation["security"]!.AsArray().Select(s => s!.AsObject().Single().Key).ToList();
            Assert.Equal(
                route.Permission switch
                {
                    Permissions.Anonymous => [],
                    Permissions.ChannelService => [OpenApiSecurity.ChannelService],
                    _ => [OpenApiSecurity.Bearer, OpenApiSecurity.ApiKeyAuthorization, OpenApiSecurity.ApiKeyHeader],
                },
                security);

            var responses = operation["responses"]!.AsObject();
            var errors = route.Permission == Permissions.Anonymous ? new[] { "400", "default" } : ["400", "401", "403", "429", "default"];
            Assert.All(errors, status => Assert.Equal(
                "#/components/schemas/ProblemDetails",
                responses[status]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void The_security_schemes_are_how_the_authenticator_reads_credentials()
    {
        var schemes = Document["components"]!["securitySchemes"]!;

        Assert.Equal("bearer", schemes[OpenApiSecurity.Bearer]!["scheme"]!.GetValue<string>());
        Assert.Equal("JWT", schemes[OpenApiSecurity.Bearer]!["bearerFormat"]!.GetValue<string>());
        Assert.Equal("Authorization", schemes[OpenApiSecurity.ApiKeyAuthorization]!["name"]!.GetValue<string>());
        Assert.Contains("ApiKey swk.", schemes[OpenApiSecurity.ApiKeyAuthorization]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(BearerTokenAuthenticator.ApiKeyHeader, schemes[OpenApiSecurity.ApiKeyHeader]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Path_query_and_header_parameters_are_declared()
    {
        static IEnumerable<string> Parameters(ApiRoute route, string place) =>
            OperationOf(route)["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == place).Select(p => p!["name"]!.GetValue<string>());

        Assert.Equal(["namespace", "key"], Parameters(SwarmRoutes.GetMemory, "path"));
        Assert.Equal(["status", "pageSize", "continuationToken"], Parameters(SwarmRoutes.ListTasks, "query"));
        Assert.Equal([SubmitTaskHandler.IdempotencyHeader], Parameters(SwarmRoutes.SubmitTask, "header"));
        var q = OperationOf(SwarmRoutes.SearchMemory)["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "q")!;
        Assert.True(q["required"]!.GetValue<bool>());
    }

    [Fact]
    public void A_schema_has_the_names_and_enum_values_the_wire_carries()
    {
        var accepted = new TaskAccepted("task-1", TaskRunStatus.AwaitingApproval, "/api/v1/tasks/task-1");
        var wire = JsonSerializer.SerializeToNode(accepted, ApiJson.Options)!.AsObject();
        var schema = Document["components"]!["schemas"]!["TaskAccepted"]!;

        Assert.Equal(wire.Select(p => p.Key).Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains(wire["status"]!.GetValue<string>(), schema["properties"]!["status"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());

        // A nullable enum in a request: its names, and null.
        var strategy = Document["components"]!["schemas"]!["TaskRequest"]!["properties"]!["strategy"]!["enum"]!.AsArray().Select(v => v?.GetValue<string>()).ToList();
        Assert.Contains("hierarchical", strategy);
        Assert.Contains(null, strategy);
    }

    [Fact]
    public void The_problem_details_schema_is_the_one_every_error_has()
    {
        var problem = Problems.NotFound("There is no task with id 'x'.") with { Instance = "/api/v1/tasks/x", CorrelationId = "c1", Errors = [new FieldError("id", "bad")] };
        var wire = JsonSerializer.SerializeToNode(problem, ApiJson.Options)!.AsObject();
        var schema = Document["components"]!["schemas"]!["ProblemDetails"]!;

        Assert.Equal(wire.Select(p => p.Key).Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["type", "title", "status"], schema["required"]!.AsArray().Select(v => v!.GetValue<string>()).Where(n => n != "detail"));
    }
}
