using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Swarm.Tests;

namespace Swarm.Application.Tests;

/// <summary>
/// A minimal OpenID Connect provider on 127.0.0.1: publishes discovery metadata and a JWKS, as Entra ID or any
/// other provider does, so the authenticator fetches real keys over HTTP.
/// </summary>
/// <remarks>
/// A Kestrel app rather than <c>HttpListener</c>: the managed listener on Linux serves requests on a loop the test
/// has to keep alive, and a request it drops leaves the client waiting; Kestrel answers every request or fails it.
/// </remarks>
sealed class FakeOpenIdAuthority : IAsyncDisposable
{
    readonly Lock gate = new();
    readonly List<JsonElement> keys = [];
    WebApplication app = null!;

    FakeOpenIdAuthority()
    {
    }

    /// <summary>The issuer, such as <c>http://127.0.0.1:23456/tenant</c>; metadata is at its <c>/.well-known/openid-configuration</c>.</summary>
    public string Address { get; private set; } = null!;

    /// <summary>Starts an authority on a loopback port the operating system picks, so parallel tests never collide.</summary>
    public static async Task<FakeOpenIdAuthority> StartAsync()
    {
        var authority = new FakeOpenIdAuthority();
        (authority.app, Uri root) = await LoopbackWebApp.StartAsync(authority.AnswerAsync, TimeSpan.FromSeconds(2));
        authority.Address = root + "tenant";
        return authority;
    }

    public void Publish(JsonElement jwk)
    {
        lock (gate)
        {
            keys.Add(jwk);
        }
    }

    Task AnswerAsync(HttpContext context)
    {
        object body;
        if (context.Request.Path.Value!.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            body = new Dictionary<string, object> { ["issuer"] = Address, ["jwks_uri"] = Address + "/keys", ["id_token_signing_alg_values_supported"] = new[] { "RS256" } };
        }
        else
        {
            lock (gate)
            {
                body = new Dictionary<string, object> { ["keys"] = keys.ToArray() };
            }
        }

        return context.Response.WriteAsJsonAsync(body);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
