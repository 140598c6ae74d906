using System.Text;

namespace Swarm.Mcp;

/// <summary>
/// A failure told in one line for a log or a model to read: the messages down the exception chain, no stack, and no
/// header or environment value of the server's, which a transport's message may echo.
/// </summary>
static class FailureText
{
    /// <summary>Values shorter than this are not blanked: they are not credentials, and blanking "1" would garble the text.</summary>
    const int ShortestSecret = 6;

    public static string Of(Exception failure, IEnumerable<string> secrets)
    {
        var text = new StringBuilder();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            var message = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
            if (message.Length > 0 && !text.ToString().Contains(message, StringComparison.Ordinal))
            {
                text.Append(text.Length == 0 ? "" : ": ").Append(message);
            }
        }

        if (text.Length == 0)
        {
            text.Append(failure.GetType().Name);
        }

        foreach (var secret in secrets.Where(s => s.Length >= ShortestSecret).OrderByDescending(s => s.Length))
        {
            text.Replace(secret, "***");
        }

        return text.ToString();
    }
}
