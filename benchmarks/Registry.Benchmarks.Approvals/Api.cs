using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Registry.Benchmarks.Approvals;

/// <summary>The registry's HTTP API as the benchmark uses it: one connection pool, one connection per client.</summary>
internal sealed class Api : IDisposable
{
    private readonly HttpClient _http;

    public Api(Uri baseAddress, int clients)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"The API at {_http.BaseAddress} is not ready.");
            }

            await Task.Delay(250);
        }
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email, password });
        var body = await ExpectAsync(response, HttpStatusCode.OK);
        return (string)body!["accessToken"]!;
    }

    /// <summary>
    /// An official's or administrator's log-in: they are served only after a two-factor sign-in (issue 7). A fresh
    /// account is enrolled on its first log-in through Identity's own endpoint, then signs in again with a code.
    /// </summary>
    public async Task<string> StaffLoginAsync(string email, string password)
    {
        var passwordOnly = await LoginAsync(email, password);
        var key = (string)(await PostJsonAsync(passwordOnly, "/api/v1/auth/manage/2fa", new { }, HttpStatusCode.OK))!["sharedKey"]!;
        await PostJsonAsync(passwordOnly, "/api/v1/auth/manage/2fa",
            new { enable = true, twoFactorCode = Registry.Cli.Accounts.Totp.Code(key, DateTimeOffset.UtcNow) }, HttpStatusCode.OK);
        using var response = await _http.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new { email, password, twoFactorCode = Registry.Cli.Accounts.Totp.Code(key, DateTimeOffset.UtcNow) });
        var body = await ExpectAsync(response, HttpStatusCode.OK);
        return (string)body!["accessToken"]!;
    }

    public async Task RegisterAsync(string email, string password)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/api/v1/auth/register", UriKind.Relative), new { email, password });
        await ExpectAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonNode?> PostJsonAsync(string token, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request);
        return await ExpectAsync(response, expected);
    }

    public async Task AttachAsync(string token, string applicationId, string kind, byte[] pdf)
    {
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", kind + ".pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/applications/{applicationId}/documents", UriKind.Relative)) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.Created);
    }

    /// <summary>One approval; the status code (0 for a transport error) and the body of a failure.</summary>
    public async Task<(int Status, string? Failure)> ApproveAsync(Guid applicationId, AuthenticationHeaderValue token, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/applications/{applicationId}/approve", UriKind.Relative));
        request.Headers.Authorization = token;
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        try
        {
            using var response = await _http.SendAsync(request);
            var content = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK ? (200, null) : ((int)response.StatusCode, content);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (0, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static async Task<JsonNode?> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public void Dispose() => _http.Dispose();
}
