using Swarm.LocalHost;
using Swarm.Runtime.Configuration;

var configuration = LocalHostConfiguration.Build(args);
WebApplication app;
try
{
    if (args.FirstOrDefault() == MintTokenCommand.Name)
    {
        return MintTokenCommand.Run(args[1..], configuration);
    }

    app = LocalHostApp.Create(args, configuration, SwarmSettingsLoader.Load(configuration, LocalHostConfiguration.Problems(configuration)));
}
catch (SwarmConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await app.RunAsync();
return 0;
