using Swarm.Domain.Agents;
using Swarm.Domain.Memory;

namespace Swarm.Domain.Tests;

public sealed class MemoryScopeTests
{
    const string TaskId = "task-0123456789abcdef0123456789abcdef";

    static AgentProfile Agent(params string[] permissions) =>
        new("r1", "Researcher", AgentType.Worker, new ProviderSettings("simulated", "m"), 1, new AgentRole("operational", permissions, [], 5));

    [Fact]
    public void An_agent_may_use_its_own_and_its_tasks_namespace_and_nothing_else_by_default()
    {
        var scope = MemoryScope.For(Agent(), TaskId);

        Assert.True(scope.CanWrite("r1"));
        Assert.True(scope.CanWrite(TaskId));
        Assert.False(scope.CanRead("r2"));
        Assert.False(scope.CanRead("task-ffffffffffffffffffffffffffffffff"));
        Assert.Equal(new[] { "r1", TaskId }, scope.Recallable);
    }

    [Fact]
    public void A_role_grants_team_namespaces_read_write_or_read_only_and_by_prefix()
    {
        var scope = MemoryScope.For(Agent("task:*", "memory:research", "memory:style-guide:read", "memory:team-*"), TaskId);

        Assert.True(scope.CanWrite("research"));
        Assert.True(scope.CanRead("style-guide"));
        Assert.False(scope.CanWrite("style-guide"));
        Assert.True(scope.CanWrite("team-blue"));
        Assert.False(scope.CanRead("teams"));
        Assert.Equal(new[] { "r1", TaskId, "research", "style-guide" }, scope.Recallable);
        Assert.Contains("style-guide (read only)", scope.Refusal("style-guide", write: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ranks_entries_by_shared_words_and_matches_only_keys_of_sealed_values()
    {
        var at = DateTimeOffset.Parse("2026-12-06T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var shelf = new MemoryShelf()
            .Put("solar-capacity", new MemoryEntry("Global solar capacity grew 30 percent in 2025", at, "agent:r1", false)).Shelf
            .Put("wind", new MemoryEntry("Wind capacity grew too", at, "agent:r2", false)).Shelf
            .Put("unrelated", new MemoryEntry("Recipe for bread", at, "agent:r2", false)).Shelf
            .Put("solar-secret", new MemoryEntry("v1.k.AAAA", at, "agent:r2", true)).Shelf;

        var hits = shelf.Search("How much did solar capacity grow?", 10);

        // Two shared words and their pair first; then one each, the shorter entry (the sealed one, its key alone) the
        // closer match; "unrelated" shares none, and the sealed value is not read.
        Assert.Equal(new[] { "solar-capacity", "solar-secret", "wind" }, hits.Select(h => h.Key));
        Assert.Empty(shelf.Search("of a", 10));
    }
}
