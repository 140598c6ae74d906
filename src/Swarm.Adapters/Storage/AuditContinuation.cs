using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Swarm.Application.Audit;

namespace Swarm.Adapters.Storage;

/// <summary>
/// Where the next page of a query starts: the day partition and the row key of the last record returned. The token
/// is that pair in base64url. It holds only our own keys (not the table service's continuation), so it is checked
/// strictly and cannot steer a query outside its day, time range or filters: those always come from the query.
/// </summary>
sealed partial record AuditContinuation(DateOnly Day, string AfterRowKey)
{
    // Far more than a real token (8 + 1 + 52 characters before encoding); longer input is refused before decoding.
    const int MaxTokenLength = 128;
    const string Garbled = "The token is garbled or was not issued by this audit trail; start again without one.";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(AuditKeys.PartitionKey(Day) + "/" + AfterRowKey));

    /// <summary>The position <paramref name="token"/> names, checked to lie in the days from <paramref name="oldest"/> to <paramref name="newest"/>.</summary>
    /// <exception cref="InvalidAuditContinuationException">The token is not one this trail issued for these days.</exception>
    public static AuditContinuation Decode(string token, DateOnly oldest, DateOnly newest)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            throw new InvalidAuditContinuationException(Garbled);
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException e)
        {
            throw new InvalidAuditContinuationException(Garbled, e);
        }

        var match = Shape().Match(text);
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["day"].Value, AuditKeys.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new InvalidAuditContinuationException(Garbled);
        }

        if (day < oldest || day > newest)
        {
            throw new InvalidAuditContinuationException("The token belongs to a query over other days; send it with the same 'from' and 'to' as the query that returned it.");
        }

        return new AuditContinuation(day, match.Groups["row"].Value);
    }

    [GeneratedRegex(@"^(?<day>[0-9]{8})/(?<row>[0-9]{19}-[0-9a-f]{32})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
