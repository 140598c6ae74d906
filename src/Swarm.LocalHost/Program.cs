using Swarm.LocalHost;
using Swarm.LocalHost.Durable;
using Swarm.Runtime.Configuration;

var configuration = LocalHostConfiguration.Build(args);
WebApplication app;
try
{
    if (args.FirstOrDefault() == MintTokenCommand.Name)
    {
        return MintTokenCommand.Run(args[1..], configuration);
    }

    app = LocalHostApp.Create(args, configuration, SwarmSettingsLoader.Load(configuration));
}
catch (SwarmConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var httpPort = LocalHostConfiguration.HttpPort(configuration);
var durableSocket = DurableClientSocket.PathFrom(configuration, httpPort);
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"Swarm API listening on http://127.0.0.1:{httpPort} (durable client gRPC on unix:{durableSocket})"));
await app.RunAsync();
return 0;
