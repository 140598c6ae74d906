using Swarm.Cli;

// Ctrl-C cancels the command's token (a live view stops and the process exits 130) instead of killing it mid-write.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

return await SwarmCli.RunAsync(args, CliEnvironment.FromProcess(), interrupted.Token);
