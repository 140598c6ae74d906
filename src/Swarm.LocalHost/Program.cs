using Swarm.Application.Configuration;
using Swarm.LocalHost;
using Swarm.LocalHost.Durable;

if (args.FirstOrDefault() == OpenApiCommand.Name)
{
    return OpenApiCommand.Run(args[1..]);
}

if (args.FirstOrDefault() != MintTokenCommand.Name && HostUsage.AsksForHelp(args))
{
    Console.WriteLine(HostUsage.Text);
    return HostUsage.ExitStopped;
}

WebApplication app;
int httpPort;
try
{
    var configuration = LocalHostConfiguration.Build(args);
    if (args.FirstOrDefault() == MintTokenCommand.Name)
    {
        return MintTokenCommand.Run(args[1..], configuration);
    }

    var settings = SwarmSettingsLoader.Load(configuration, LocalHostConfiguration.Problems(configuration));
    httpPort = LocalHostConfiguration.HttpPort(configuration);
    if (PortInUse.IsTaken(httpPort))
    {
        Console.Error.WriteLine(PortInUse.Message(httpPort));
        return HostUsage.ExitPortInUse;
    }

    app = LocalHostApp.Create(args, configuration, settings);
}
catch (SwarmConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return HostUsage.ExitInvalidConfiguration;
}
catch (FormatException e)
{
    // A command-line argument the configuration cannot read, such as a switch without a value.
    Console.Error.WriteLine($"{e.Message}{Environment.NewLine}{Environment.NewLine}{HostUsage.Text}");
    return HostUsage.ExitInvalidConfiguration;
}

// Kept before the run: the app's services are gone once a failed start has disposed it.
var durableSocket = app.Services.GetRequiredService<DurableSocketPath>().Value;
try
{
    await app.RunAsync();
    return HostUsage.ExitStopped;
}
catch (IOException e) when (PortInUse.Explains(e))
{
    // Taken since the check above: the host has logged its failed start; say what to do about it.
    Console.Error.WriteLine(PortInUse.Message(httpPort));
    DurableClientSocket.Remove(durableSocket);
    return HostUsage.ExitPortInUse;
}
