using System.Globalization;

namespace Swarm.Benchmarks.Hosting;

/// <summary>
/// The Azure Storage emulator <c>./bench.sh</c> started for this run (free ports, a temporary <c>--location</c>):
/// its connection string, its process id for CPU and memory figures, and the file its access log goes to.
/// </summary>
sealed record StorageEndpoint(string ConnectionString, int? AzuritePid, string? AccessLogPath = null)
{
    public const string ConnectionStringVariable = "BENCH_STORAGE_CONNECTION_STRING";

    public const string AzuritePidVariable = "BENCH_AZURITE_PID";

    public const string AccessLogVariable = "BENCH_AZURITE_LOG";

    /// <summary>Null when the program was not started by <c>./bench.sh</c> (no storage for the local host).</summary>
    public static StorageEndpoint? FromEnvironment() =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } connectionString
            ? new StorageEndpoint(
                connectionString,
                int.TryParse(Environment.GetEnvironmentVariable(AzuritePidVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null,
                Environment.GetEnvironmentVariable(AccessLogVariable) is { Length: > 0 } log && File.Exists(log) ? log : null)
            : null;
}
