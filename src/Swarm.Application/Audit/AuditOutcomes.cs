namespace Swarm.Application.Audit;

/// <summary>
/// The values <see cref="AuditRecord.Outcome"/> may take. Records with any other outcome are refused, so a query
/// for "denied" finds every refusal instead of missing those spelled differently.
/// </summary>
public static class AuditOutcomes
{
    /// <summary>The action was carried out.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The caller was allowed, but the action did not happen (bad input, missing resource, a failing dependency).</summary>
    public const string Failed = "failed";

    /// <summary>The caller was authenticated but lacks the permission, or may not act on this resource.</summary>
    public const string Denied = "denied";

    /// <summary>The caller did not prove who it is (no credential, or one that did not check out).</summary>
    public const string Unauthenticated = "unauthenticated";

    public static IReadOnlyList<string> All { get; } = [Succeeded, Failed, Denied, Unauthenticated];

    public static bool IsKnown(string? outcome) => outcome is Succeeded or Failed or Denied or Unauthenticated;

    /// <summary>The outcome an HTTP status stands for: 401 unauthenticated, 403 denied, other errors failed, the rest succeeded.</summary>
    public static string ForStatus(int status) => status switch
    {
        401 => Unauthenticated,
        403 => Denied,
        >= 400 => Failed,
        _ => Succeeded,
    };
}
