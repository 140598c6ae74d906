using System.Text.RegularExpressions;

namespace Swarm.Domain.Tasks;

/// <summary>Task ids: <c>task-</c> followed by 32 lowercase hex digits. The id is also the task's orchestration instance id.</summary>
public static partial class TaskId
{
    public const string Prefix = "task-";

    /// <summary>A new random id. Not for use inside orchestrators, which must be deterministic.</summary>
    public static string New() => Prefix + Guid.NewGuid().ToString("N");

    /// <summary>
    /// The id of the task a client submits with an idempotency key: the same caller and key always name the same task,
    /// so a retried request finds the task it started instead of starting a second one. Different callers' keys never meet.
    /// </summary>
    public static string ForIdempotencyKey(string caller, string key)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(key);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{caller}\u0000{key}"));
        return Prefix + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>Whether <paramref name="value"/> has the shape of a task id; anything else can never name a task.</summary>
    public static bool IsWellFormed(string? value) => value is not null && Shape().IsMatch(value);

    [GeneratedRegex("^task-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
