using System.Text;
using System.Text.RegularExpressions;

namespace Swarm.Application.Audit;

/// <summary>
/// One entry of the audit trail: who did what to which resource, when, and how it ended. Records are written once
/// and never changed. <see cref="Detail"/> is a short explanation for people and must never hold a secret, token or
/// key; <see cref="Bounded"/> (applied on every append) caps each text at <see cref="MaxTextLength"/> characters,
/// replaces control characters and masks anything shaped like a JWT or an API key in every field, so a client cannot
/// bloat or forge the log or get a credential written into it.
/// </summary>
/// <param name="Time">When it happened; stored and returned in UTC.</param>
/// <param name="Principal">The caller's subject, or <see cref="Anonymous"/> when nobody was authenticated.</param>
/// <param name="Action">A route name (<c>SubmitTask</c>) or an event name (<c>ApiKeyIssued</c>, <c>AuthenticationFailed</c>).</param>
/// <param name="Resource">What was acted on: a request path or a resource name such as <c>agents/queen-1/keys/k1</c>.</param>
/// <param name="Outcome">One of <see cref="AuditOutcomes"/>.</param>
/// <param name="Status">The HTTP status answered, when the record is about a request.</param>
/// <param name="CorrelationId">The request's correlation id, to find its log lines.</param>
/// <param name="ClientAddress">The caller's network address, when known.</param>
/// <param name="Detail">A short, secret-free explanation, e.g. why authentication failed.</param>
public sealed partial record AuditRecord(
    DateTimeOffset Time,
    string Principal,
    string Action,
    string Resource,
    string Outcome,
    int? Status,
    string CorrelationId,
    string? ClientAddress = null,
    string? Detail = null)
{
    /// <summary>The principal of a record about a caller that was not authenticated.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The most characters any text of a stored record keeps (1 KiB of UTF-16 code units).</summary>
    public const int MaxTextLength = 1024;

    const string Truncated = "...";

    /// <summary>A bounded record (see <see cref="Bounded"/>); a blank principal becomes <see cref="Anonymous"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is not one of <see cref="AuditOutcomes"/>, or the action is blank.</exception>
    public static AuditRecord Create(
        DateTimeOffset time,
        string? principal,
        string action,
        string resource,
        string outcome,
        int? status,
        string correlationId,
        string? clientAddress = null,
        string? detail = null) =>
        new AuditRecord(time, principal ?? Anonymous, action, resource, outcome, status, correlationId, clientAddress, detail).Bounded();

    /// <summary>
    /// This record as it may be stored: time in UTC, texts capped at <see cref="MaxTextLength"/> with control characters
    /// replaced (a newline in a client-chosen path must not start a fake line in an exported log) and JWT-shaped
    /// strings masked in the detail, in case a caller passed an exception message that quoted a token.
    /// </summary>
    /// <exception cref="ArgumentException">The outcome is not one of <see cref="AuditOutcomes"/>, or the action is blank.</exception>
    public AuditRecord Bounded()
    {
        if (!AuditOutcomes.IsKnown(Outcome))
        {
            throw new ArgumentException($"'{Outcome}' is not an audit outcome; use one of: {string.Join(", ", AuditOutcomes.All)}.", nameof(Outcome));
        }

        if (string.IsNullOrWhiteSpace(Action))
        {
            throw new ArgumentException("An audit record needs an action.", nameof(Action));
        }

        return this with
        {
            Time = Time.ToUniversalTime(),
            Principal = string.IsNullOrWhiteSpace(Principal) ? Anonymous : Clean(Principal),
            Action = Clean(Action),
            Resource = Clean(Resource ?? string.Empty),
            CorrelationId = Clean(CorrelationId ?? string.Empty),
            ClientAddress = ClientAddress is null ? null : Clean(ClientAddress),
            Detail = Detail is null ? null : Clean(Detail),
        };
    }

    /// <summary>Masks credentials (JWTs and agent API keys) wherever a client managed to put one, then caps and flattens the text.</summary>
    static string Clean(string text)
    {
        text = ApiKeyShaped().Replace(JwtShaped().Replace(text, "[redacted token]"), "[redacted key]");
        var cut = text.Length > MaxTextLength ? text[..(MaxTextLength - Truncated.Length)] + Truncated : text;
        if (!cut.Any(char.IsControl))
        {
            return cut;
        }

        var builder = new StringBuilder(cut.Length);
        foreach (var c in cut)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    // Three base64url segments, the first starting like a JSON object's header: a JWT (signed or not).
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex JwtShaped();

    // An agent API key: swk.{key id}.{secret}, whatever the secret's length (a mangled key is still a secret).
    [GeneratedRegex(@"swk\.[0-9a-f]{16}\.[A-Za-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyShaped();
}
