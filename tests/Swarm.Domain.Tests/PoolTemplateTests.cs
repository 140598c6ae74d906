using Swarm.Domain.Agents;

namespace Swarm.Domain.Tests;

public sealed class PoolTemplateTests
{
    static readonly AgentPool Research = new(AgentType.Specialist, ["research"]);

    static AgentProfile Member(string id, string provider = "custom", string model = "house-model", bool autoScale = false) =>
        new(id, id, AgentType.Specialist, new ProviderSettings(provider, model, 2000, 0.2), 2, new AgentRole("research", ["task:read"], ["research"], 8), autoScale);

    [Fact]
    public void Fields_the_request_leaves_out_are_copied_from_the_first_member_by_id()
    {
        var source = PoolTemplate.SourceAmong([Member("b-2", model: "other"), Member("a-1")]);

        var profile = new PoolTemplate().ProfileFor(Research, source)!;

        Assert.Equal("a-1", source!.Id);
        Assert.Equal(new ProviderSettings("custom", "house-model", 2000, 0.2), profile.Provider);
        Assert.Equal(2, profile.MaxConcurrency);
        Assert.Equal(("research", 8), (profile.EffectiveRole.Type, profile.EffectiveRole.Priority));
        Assert.False(profile.AutoScale);
        Assert.Equal("specialist.research agent", profile.Name);
    }

    [Fact]
    public void Fields_the_request_names_win_over_the_members()
    {
        var template = new PoolTemplate("helper", new ProviderSettings("openai", "gpt-4o"), MaxConcurrency: 7, AutoScale: true);

        var profile = template.ProfileFor(Research, Member("a-1"))!;

        Assert.Equal(("helper", "openai", "gpt-4o", 7, true), (profile.Name, profile.Provider.Type, profile.Provider.Model, profile.MaxConcurrency, profile.AutoScale));
        Assert.Equal(8, profile.EffectiveRole.Priority); // the role is still the member's
    }

    [Fact]
    public void A_pool_without_members_needs_a_named_provider()
    {
        var unnamed = new PoolTemplate(MaxConcurrency: 3).ProfileFor(Research, source: null);
        var named = new PoolTemplate(Provider: new ProviderSettings("qwen", "qwen-max")).ProfileFor(Research, source: null)!;

        Assert.Null(unnamed);
        Assert.Equal(["research"], named.EffectiveRole.Expertise);
        Assert.Equal((PoolTemplate.DefaultMaxConcurrency, false), (named.MaxConcurrency, named.AutoScale));
    }

    [Fact]
    public void A_template_of_a_whole_profile_copies_nothing()
    {
        var template = PoolTemplate.Of(Member("a-1", autoScale: true));

        Assert.False(template.CopiesAMember);
        Assert.True(new PoolTemplate(Provider: new ProviderSettings("qwen", "qwen-max")).CopiesAMember);
    }
}
