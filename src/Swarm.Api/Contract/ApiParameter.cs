namespace Swarm.Api.Contract;

/// <summary>A query parameter or request header a handler reads.</summary>
/// <param name="Name">As sent on the wire (<c>pageSize</c>, <c>Idempotency-Key</c>).</param>
/// <param name="Description">What it does, with its limits.</param>
/// <param name="Type">Its value's type (string, int, an enum); a comma-separated list is a string.</param>
/// <param name="Required">Whether the handler refuses a request without it.</param>
public sealed record ApiParameter(string Name, string Description, Type Type, bool Required = false)
{
    public static ApiParameter Text(string name, string description, bool required = false) => new(name, description, typeof(string), required);

    public static ApiParameter Number(string name, string description) => new(name, description, typeof(int));

    /// <summary>The two parameters of every paged list: <c>pageSize</c> (1 to <paramref name="maxPageSize"/>) and <c>continuationToken</c>.</summary>
    public static IReadOnlyList<ApiParameter> Paging(int maxPageSize) =>
    [
        Number("pageSize", $"How many items a page holds, 1 to {maxPageSize}."),
        Text("continuationToken", "The previous page's continuationToken, to read the next page; left out for the first."),
    ];
}
