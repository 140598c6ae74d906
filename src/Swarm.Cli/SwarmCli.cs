using System.CommandLine;
using Swarm.Cli.Api;
using Swarm.Cli.Commands;

namespace Swarm.Cli;

/// <summary>
/// The <c>swarm</c> command: its command tree, and the one place a failure becomes a message on standard error and an
/// exit code (see <see cref="ExitCodes"/>). With <c>--json</c> a refused request also prints the API's problem
/// document on standard output, so a script reads one JSON document whatever happened.
/// </summary>
static class SwarmCli
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand("The swarm's API from a terminal or a script: tasks, agents, consensus, memory, audit and the system's state.")
        {
            GlobalOptions.Profile,
            GlobalOptions.Url,
            GlobalOptions.Json,
        };
        root.Subcommands.Add(TaskCommands.Build(environment));
        root.Subcommands.Add(AgentCommands.Build(environment));
        root.Subcommands.Add(ConsensusCommands.Build(environment));
        root.Subcommands.Add(MemoryCommands.Build(environment));
        root.Subcommands.Add(AuditCommand.Build(environment));
        root.Subcommands.Add(SystemCommands.Build(environment));
        foreach (var command in LoginCommands.Build(environment))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var parse = Build(environment).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,

            // Program handles Ctrl-C itself (the token passed in); the library's own handler would race it.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (ApiProblemException e)
        {
            if (parse.GetValue(GlobalOptions.Json))
            {
                await environment.Output.WriteLineAsync(e.Problem.Raw);
            }

            await environment.Error.WriteLineAsync(e.Problem.Describe());
            return e.Problem.ExitCode;
        }
        catch (CliFailure e)
        {
            await environment.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Gives a command its action: a <see cref="CommandContext"/> in, an exit code out.</summary>
    public static void Handle(Command command, CliEnvironment environment, Func<CommandContext, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction((parse, cancellationToken) => action(new CommandContext(parse, environment), cancellationToken));
    }
}
