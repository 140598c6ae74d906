using System.Globalization;
using Microsoft.DurableTask.Client;
using Swarm.Application.Audit;
using Swarm.Domain.Tasks;

namespace Swarm.Api.Endpoints.Audit;

/// <summary>
/// <c>GET /api/v1/audit</c>: audit records, newest first, as <c>{"items": [...], "continuationToken": ...}</c>.
/// Query parameters: <c>from</c> and <c>to</c> (ISO-8601; <c>from</c> inclusive, <c>to</c> exclusive; by default the
/// last 24 hours; at most 31 days apart), <c>principal</c> and <c>action</c> (exact matches), <c>pageSize</c>
/// (1 to 200, default 50) and <c>continuationToken</c> (from the previous page, sent with the same <c>from</c> and
/// <c>to</c>). Any other parameter is refused, so a misspelt filter is reported instead of silently widening the
/// result. Every bad value is a 400 naming its parameter.
/// </summary>
public sealed class GetAuditHandler(IAuditTrail trail, TimeProvider time) : IApiHandler
{
    static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    // Both offsets and bare UTC times are accepted, with or without seconds and fractions; nothing locale-shaped.
    static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    static readonly string[] Known = ["from", "to", "principal", "action", "pageSize", "continuationToken"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, errors) = Parse(request.Query, time.GetUtcNow());
        if (query is null)
        {
            return ApiResponse.Problem(Problems.Validation(errors));
        }

        try
        {
            return ApiResponse.Ok(await trail.QueryAsync(query, cancellationToken));
        }
        catch (InvalidAuditContinuationException e)
        {
            return ApiResponse.Problem(Problems.Validation([new FieldError("continuationToken", "is not valid for this query. " + e.Message)]));
        }
    }

    /// <summary>The query the parameters ask for, or every problem with them (each naming its parameter).</summary>
    static (AuditQuery? Query, IReadOnlyList<FieldError> Errors) Parse(IReadOnlyDictionary<string, string> parameters, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        foreach (var name in parameters.Keys.Where(k => !Known.Contains(k)).Order(StringComparer.Ordinal))
        {
            // The name is the client's; a long one is cut so the problem document stays small.
            errors.Add(new FieldError(name.Length > 64 ? name[..64] + "..." : name, $"is not a parameter of this endpoint; use {string.Join(", ", Known)}."));
        }

        var to = Time(parameters, "to", errors) ?? now;
        var from = Time(parameters, "from", errors) ?? to - DefaultRange;
        if (!errors.Any(e => e.Field is "from" or "to"))
        {
            if (to <= from)
            {
                errors.Add(new FieldError("to", "must be after 'from'."));
            }
            else if (to - from > AuditQuery.MaxRange)
            {
                errors.Add(new FieldError("to", $"must be at most {AuditQuery.MaxRange.TotalDays:0} days after 'from'; page through longer periods one range at a time."));
            }
        }

        var principal = Filter(parameters, "principal", errors);
        var action = Filter(parameters, "action", errors);

        var pageSize = AuditQuery.DefaultPageSize;
        if (parameters.TryGetValue("pageSize", out var size)
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > AuditQuery.MaxPageSize))
        {
            errors.Add(new FieldError("pageSize", $"must be a whole number from 1 to {AuditQuery.MaxPageSize}."));
        }

        string? continuation = null;
        if (parameters.TryGetValue("continuationToken", out var token))
        {
            if (string.IsNullOrEmpty(token))
            {
                errors.Add(new FieldError("continuationToken", "must not be empty; leave it out for the first page."));
            }
            else
            {
                continuation = token;
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AuditQuery(from, to, principal, action, pageSize, continuation), errors);
    }

    static DateTimeOffset? Time(IReadOnlyDictionary<string, string> parameters, string name, List<FieldError> errors)
    {
        if (!parameters.TryGetValue(name, out var value))
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        // A '+' offset arrives as a space when the client did not encode it, which is the usual cause of this error.
        errors.Add(new FieldError(name, "must be an ISO-8601 time such as 2025-01-31T12:00:00Z (encode a '+' offset as %2B)."));
        return null;
    }

    static string? Filter(IReadOnlyDictionary<string, string> parameters, string name, List<FieldError> errors)
    {
        if (!parameters.TryGetValue(name, out var value))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > AuditRecord.MaxTextLength)
        {
            // Stored texts are at most MaxTextLength long, so a longer filter could never match.
            errors.Add(new FieldError(name, $"must be 1 to {AuditRecord.MaxTextLength} characters when given."));
            return null;
        }

        return value;
    }
}
