using System.Globalization;

namespace Swarm.Benchmarks.Hosting;

/// <summary>
/// The Azure Storage emulator <c>./bench.sh</c> started for this run (free ports, a temporary <c>--location</c>):
/// its connection string, and its process id for CPU and memory figures.
/// </summary>
sealed record StorageEndpoint(string ConnectionString, int? AzuritePid)
{
    public const string ConnectionStringVariable = "BENCH_STORAGE_CONNECTION_STRING";

    public const string AzuritePidVariable = "BENCH_AZURITE_PID";

    /// <summary>Null when the program was not started by <c>./bench.sh</c> (no storage for the local host).</summary>
    public static StorageEndpoint? FromEnvironment() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } connectionString
            ? new StorageEndpoint(
                connectionString,
                int.TryParse(Environment.GetEnvironmentVariable(AzuritePidVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null)
            : null;
}
