using System.CommandLine;
using Swarm.Cli.Api;
using Swarm.Cli.Output;

namespace Swarm.Cli.Commands;

/// <summary><c>swarm audit</c>: the audit trail, newest first (<c>GET /api/v1/audit</c>).</summary>
static class AuditCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var from = new Option<string?>("--from") { Description = "ISO-8601, inclusive (default: 24 hours ago)." };
        var to = new Option<string?>("--to") { Description = "ISO-8601, exclusive (at most 31 days after --from)." };
        var principal = new Option<string?>("--principal") { Description = "Only this caller's records." };
        var action = new Option<string?>("--action") { Description = "Only this action (a route's name, e.g. SubmitTask)." };
        var (pageSize, continuation) = Paging.Options();
        var command = new Command("audit", "The audit trail, newest first (GET /api/v1/audit).") { from, to, principal, action, pageSize, continuation };
        SwarmCli.Handle(command, environment, async (context, cancellationToken) =>
        {
            using var api = context.Api();
            var answer = await api.GetAsync(SwarmApi.WithQuery("api/v1/audit",
                [("from", context.Value(from)), ("to", context.Value(to)), ("principal", context.Value(principal)), ("action", context.Value(action)), .. Paging.Query(context, pageSize, continuation)]), cancellationToken);
            Printer.Print(context, answer, a => Printer.WithNextPage(Tables.Of(Json.Array(a.Body, "items"),
            [
                new("time", "time", Instants.DateTime), new("principal", "principal"), new("action", "action"), new("resource", "resource"),
                new("outcome", "outcome"), new("status", "status"), new("detail", "detail"),
            ]), a, "swarm audit"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
