namespace Swarm.Mcp.Tests;

/// <summary>A clock the test moves by hand, for the tool-list cache.</summary>
sealed class ManualTime : TimeProvider
{
    DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
