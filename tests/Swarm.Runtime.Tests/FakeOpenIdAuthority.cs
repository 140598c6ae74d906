using System.Net;
using System.Text;
using System.Text.Json;
using Swarm.Tests;

namespace Swarm.Runtime.Tests;

/// <summary>
/// A minimal OpenID Connect provider on 127.0.0.1: publishes discovery metadata and a JWKS, as Entra ID or any
/// other provider does, so the authenticator fetches real keys over HTTP.
/// </summary>
sealed class FakeOpenIdAuthority : IDisposable
{
    readonly HttpListener listener = new();
    readonly List<JsonElement> keys = [];

    public FakeOpenIdAuthority()
    {
        Address = $"http://127.0.0.1:{FreePorts.Next()}/tenant";
        listener.Prefixes.Add(Address + "/");
        listener.Start();
        _ = ServeAsync();
    }

    public string Address { get; }

    public void Publish(JsonElement jwk) => keys.Add(jwk);

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            object body = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
                ? new Dictionary<string, object> { ["issuer"] = Address, ["jwks_uri"] = Address + "/keys", ["id_token_signing_alg_values_supported"] = new[] { "RS256" } }
                : new Dictionary<string, object> { ["keys"] = keys };
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body));
            context.Response.ContentType = "application/json";
            context.Response.StatusCode = (int)HttpStatusCode.OK;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
