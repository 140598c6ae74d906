using Swarm.Cli.Profiles;

namespace Swarm.Cli.Tests;

/// <summary>The profiles file holds secrets: only its owner may read it, from the moment it exists.</summary>
public sealed class ProfileStoreTests : IDisposable
{
    readonly string directory = Path.Combine(Path.GetTempPath(), "swarm-cli-" + Guid.NewGuid().ToString("N"), "swarm");

    [Fact]
    public void The_profiles_file_and_its_folder_are_the_owners_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only; Windows keeps a user's profile folder private by its ACL.
        }

        var store = new ProfileStore(directory);

        store.Write(new ProfileFile { Current = "local", Profiles = { ["local"] = new Profile { Url = "http://127.0.0.1:5180", Token = "secret-token" } } });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.False(File.Exists(store.Path + ".tmp"));
    }

    [Fact]
    public void A_rewrite_keeps_the_mode_and_reads_back_what_was_written()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only; Windows keeps a user's profile folder private by its ACL.
        }

        var store = new ProfileStore(directory);
        store.Write(new ProfileFile { Current = "a", Profiles = { ["a"] = new Profile { Url = "http://a", Token = "t-a" } } });

        var file = store.Read();
        file.Profiles["b"] = new Profile { Url = "https://b.example", ApiKey = "k-b", FunctionsKey = "f-b" };
        store.Write(file with { Current = "b" });

        var read = store.Read();
        Assert.Equal("b", read.Current);
        Assert.Equal(("t-a", "k-b", "f-b"), (read.Profiles["a"].Token, read.Profiles["b"].ApiKey, read.Profiles["b"].FunctionsKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
    }

    [Fact]
    public void The_store_is_found_under_SWARM_CONFIG_DIR_else_XDG_CONFIG_HOME_else_HOME()
    {
        Assert.Equal(Path.Combine("/cfg", "profiles.json"), ProfileStore.FromEnvironment(n => n == "SWARM_CONFIG_DIR" ? "/cfg" : null).Path);
        Assert.Equal(Path.Combine("/xdg", "swarm", "profiles.json"), ProfileStore.FromEnvironment(n => n switch { "XDG_CONFIG_HOME" => "/xdg", "HOME" => "/home/u", _ => null }).Path);
        Assert.Equal(Path.Combine("/home/u", ".config", "swarm", "profiles.json"), ProfileStore.FromEnvironment(n => n == "HOME" ? "/home/u" : null).Path);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
