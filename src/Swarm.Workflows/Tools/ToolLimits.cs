namespace Swarm.Workflows.Tools;

/// <summary>Bounds on what tool calls may put in front of a model and into a task's history.</summary>
public static class ToolLimits
{
    /// <summary>
    /// Characters of one tool result the model sees. Every result is part of every later turn's input and of the task's
    /// durable history, so a tool that returns a book must not make each turn carry it.
    /// </summary>
    public const int MaxResultChars = 8_000;

    /// <summary>Characters of one call's arguments the swarm takes (a memory value is at most 16 KiB, so this is ample).</summary>
    public const int MaxArgumentChars = 20_000;

    /// <summary>
    /// Characters of tool results one step carries from turn to turn. Every turn's input holds every earlier round, so
    /// without a bound a long loop would put megabytes into each turn and into the task's history; past it the oldest
    /// results are replaced by a note (<see cref="ToolRounds.Compact"/>).
    /// </summary>
    public const int MaxConversationChars = 64_000;

    /// <summary>Characters of a call's arguments or result that the timeline and the audit trail keep.</summary>
    public const int SummaryChars = 120;

    /// <summary>A result cut to <see cref="MaxResultChars"/>, with a note saying how much was left out.</summary>
    public static ToolResult Capped(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Text;
        return text.Length <= MaxResultChars
            ? result
            : result with { Text = text[..MaxResultChars] + $"\n[truncated: the tool returned {text.Length} characters; only the first {MaxResultChars} are shown]" };
    }

    /// <summary>The start of a text, on one line, for the timeline and the audit trail.</summary>
    public static string Summary(string? text, int chars = SummaryChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= chars ? flat : flat[..chars] + "…";
    }
}
