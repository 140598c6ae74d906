using System.Buffers.Text;
using System.Security.Cryptography;
using Swarm.Application.Configuration;
using Swarm.Application.Security.Encryption;

namespace Swarm.Application.Tests.Encryption;

public sealed class SecretProtectorFactoryTests
{
    const string Slot = "credentials:openai";

    static readonly string K1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    static readonly string K2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void The_first_key_is_current_and_the_others_still_open_old_values()
    {
        var before = SecretProtectorFactory.FromSetting($"k1:{K1}");
        var after = SecretProtectorFactory.FromSetting($"k2:{K2};k1:{K1}");
        var old = before.Protect("sk-old", Slot);

        var opened = after.Unprotect(old, Slot);

        Assert.Equal("k2", after.CurrentKeyId);
        Assert.Equal("sk-old", opened);
        Assert.StartsWith("v1.k2.", after.Protect("sk-new", Slot), StringComparison.Ordinal);
    }

    [Fact]
    public void Spaces_around_entries_and_a_trailing_separator_are_allowed()
    {
        var protector = SecretProtectorFactory.FromSetting($"  k2 : {K2} ;\n k1:{K1};");

        var opened = protector.Unprotect(SecretProtectorFactory.FromSetting($"k1:{K1}").Protect("x", Slot), Slot);

        Assert.Equal("k2", protector.CurrentKeyId);
        Assert.Equal("x", opened);
    }

    [Fact]
    public void A_base64url_key_is_accepted()
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        var protector = SecretProtectorFactory.FromSetting($"k1:{key}");

        Assert.Equal("k1", protector.CurrentKeyId);
    }

    public static TheoryData<string?, string> BadSettings => new()
    {
        { null, "is empty" },
        { "", "is empty" },
        { "  ", "is empty" },
        { " ; ;", "is empty" },
        { "k1", "entry 1 is not 'id:base64key'" },
        { $"k1:{K1};{K2}", "entry 2 is not 'id:base64key'" },
        { $":{K1}", "entry 1 has a key id that is not" },
        { $"bad id:{K1}", "entry 1 has a key id that is not" },
        { $"{K1}:k1", "entry 1 has a key id that is not" },
        { "k1:", "key 'k1' (entry 1) is not valid base64" },
        { "k1:not*base64!", "key 'k1' (entry 1) is not valid base64" },
        { $"k1:{Convert.ToBase64String(new byte[16])}", "key 'k1' (entry 1) is 16 bytes" },
        { $"k1:{K1};k2:{K2};k1:{K2}", "key id 'k1' appears more than once (entries 1 and 3)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_is_refused_with_the_problem_named(string? setting, string problem)
    {
        var error = Assert.Throws<SwarmConfigurationException>(() => SecretProtectorFactory.FromSetting(setting));

        var only = Assert.Single(error.Problems);
        Assert.StartsWith($"'{SecretProtectorFactory.SettingKey}'", only, StringComparison.Ordinal);
        Assert.Contains(problem, only, StringComparison.Ordinal);
        Assert.All(KeyLikeParts(setting), part => Assert.DoesNotContain(part, error.Message, StringComparison.Ordinal));
    }

    /// <summary>Every part of the setting long enough to be (part of) a key; none of them may be echoed.</summary>
    static IEnumerable<string> KeyLikeParts(string? setting) =>
        (setting ?? "").Split(';', ':').Select(part => part.Trim()).Where(part => part.Length >= 8);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = SecretProtectorFactory.Validate($"k1:{K1};k2;k3:@@;k1:{K2}");

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("entry 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'k3'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_usable_setting_has_no_problems()
    {
        var problems = SecretProtectorFactory.Validate($"k2:{K2};k1:{K1}");

        Assert.Empty(problems);
    }
}
