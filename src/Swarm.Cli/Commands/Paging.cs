using System.CommandLine;
using System.Globalization;

namespace Swarm.Cli.Commands;

/// <summary>The paging options every listing takes, passed to the API as <c>pageSize</c> and <c>continuationToken</c>.</summary>
static class Paging
{
    public static (Option<int?> PageSize, Option<string?> Continuation) Options() =>
        (new Option<int?>("--page-size") { Description = "Items per page, 1 to 200." },
         new Option<string?>("--continuation-token") { Description = "The next page, as the previous one named it." });

    public static (string, string?)[] Query(CommandContext context, Option<int?> pageSize, Option<string?> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            ("pageSize", context.Value(pageSize)?.ToString(CultureInfo.InvariantCulture)),
            ("continuationToken", context.Value(continuation)),
        ];
    }
}
