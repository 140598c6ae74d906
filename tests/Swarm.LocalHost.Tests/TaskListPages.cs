using System.Text.Json;

namespace Swarm.LocalHost.Tests;

/// <summary>Reads a page of <c>GET /api/v1/tasks</c>: one task's item, and its status.</summary>
static class TaskListPages
{
    public static JsonElement? Item(JsonElement page, string id) =>
        page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("id").GetString() == id).Select(i => (JsonElement?)i).FirstOrDefault();

    public static string? StatusOf(JsonElement page, string id) => Item(page, id)?.GetProperty("status").GetString();
}
