using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Security;

/// <summary>
/// Every body has a limit (1 MB; uploads 10 MB and the multipart overhead), whether its length is declared or not:
/// past it the answer is 413, problem details for the API and the error page for pages — never a 500 or a 400.
/// </summary>
/// <summary>The API on a real Kestrel port: only a real server reads a body sent without a length as it arrives.</summary>
public sealed class KestrelRegistryApiFactory : RegistryApiFactory
{
    public KestrelRegistryApiFactory() => UseKestrel(0);

    /// <summary>A client of the real port, signed in as <paramref name="signedIn"/> when given; no redirects, no cookie jar.</summary>
    public HttpClient PortClient(HttpClient? signedIn = null)
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = signedIn?.DefaultRequestHeaders.Authorization;
        return client;
    }
}

public sealed class RequestSizeTests(KestrelRegistryApiFactory api) : IClassFixture<KestrelRegistryApiFactory>
{
    [Theory]
    [InlineData("/api/v1/organizations?q=", "application/problem+json")]
    [InlineData("/organisations?q=", "text/html")]
    public async Task An_address_over_8_KiB_is_414_with_a_body_not_the_servers_empty_one(string prefix, string mediaType)
    {
        using var client = api.PortClient();

        var response = await client.GetAsync(prefix + new string('x', 9_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        if (mediaType == "application/problem+json")
        {
            Assert.Contains("\"title\":\"Adresse trop longue\"", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("<main", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_JSON_body_over_1_MB_without_a_declared_length_is_413_and_creates_nothing()
    {
        using var applicant = api.PortClient(await api.Actors.ClientAsync(Actor.Owner));
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications");
        using var content = new UnsizedContent(Encoding.UTF8.GetBytes("{\"nameLatin\":\"" + new string('x', 1_100_000) + "\"}"), "application/json");

        var response = await applicant.PostAsync("/api/v1/applications", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM registry.applications"));
    }

    [Fact]
    public async Task An_upload_whose_body_passes_the_limit_after_its_file_is_413_not_a_malformed_400()
    {
        var signedIn = await api.Actors.ClientAsync(Actor.Owner);
        var id = await signedIn.DraftAsync();
        using var owner = api.PortClient(signedIn);
        var small = Samples.PdfOfLength(1024);
        using var form = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" }, { new ByteArrayContent(small), "file", "statuts.pdf" } };
        // A part that is not form data is skipped, not read, but it is part of the body: 11 MB of it passes the
        // endpoint's limit. (A second form-data file would be refused at once as a second document, 400.)
        var skipped = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        skipped.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = "other.pdf" };
        form.Add(skipped);
        using var unsized = new UnsizedContent(await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());

        var response = await owner.PostAsync($"/api/v1/applications/{id}/documents", unsized);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task An_upload_without_a_length_over_its_limit_is_read_to_its_end_so_the_client_reads_the_413_and_keeps_its_connection()
    {
        var signedIn = await api.Actors.ClientAsync(Actor.Owner);
        var id = await signedIn.DraftAsync();
        using var owner = api.PortClient(signedIn);
        var address = owner.BaseAddress!;
        using var form = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" }, { new ByteArrayContent(new byte[11 * 1024 * 1024]), "file", "statuts.pdf" } };
        var body = await form.ReadAsByteArrayAsync();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();

        // Sent chunk by chunk to its end, as a client streaming a file does, then a second request on the same
        // connection. Had the server answered at its limit and closed, the writes would fail on a reset connection,
        // or the second request would get no answer.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/applications/{id}/documents HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: {signedIn.DefaultRequestHeaders.Authorization}\r\n" +
            $"Content-Type: {form.Headers.ContentType}\r\nTransfer-Encoding: chunked\r\n\r\n"));
        foreach (var chunk in body.Chunk(64 * 1024))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            await stream.WriteAsync(chunk);
            await stream.WriteAsync("\r\n"u8.ToArray());
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"0\r\n\r\nGET /health/live HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n"));
        var answers = await ReadUntilAsync(stream, "Healthy", TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 413 ", answers, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("HTTP/1.1 200 OK", answers[answers.IndexOf("\r\n\r\n", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
    }

    /// <summary>What the server sends until <paramref name="end"/> appears, it closes the connection or the time runs out.</summary>
    private static async Task<string> ReadUntilAsync(Stream stream, string end, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var received = new StringBuilder();
        var buffer = new byte[16 * 1024];
        try
        {
            int count;
            while (!received.ToString().Contains(end, StringComparison.Ordinal) && (count = await stream.ReadAsync(buffer, cancellation.Token)) > 0)
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, count));
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Closed or silent: what was received is the answer.
        }

        return received.ToString();
    }

    [Fact]
    public async Task An_upload_of_a_declared_length_over_its_limit_is_413_before_it_is_read()
    {
        var signedIn = await api.Actors.ClientAsync(Actor.Owner);
        var id = await signedIn.DraftAsync();
        using var owner = api.PortClient(signedIn);
        var response = await owner.AttachAsync(id, "Statutes", new byte[11 * 1024 * 1024], "statuts.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("fr", "Envoi trop volumineux")]
    [InlineData("ar", "الإرسال كبير جداً")]
    public async Task A_page_posted_over_the_limit_is_the_413_page_in_its_language(string language, string title)
    {
        using var client = api.PortClient();
        client.DefaultRequestHeaders.Add("Cookie", $"registry.lang=c={language}-MA|uic={language}-MA");
        using var content = new StringContent("email=" + new string('x', 1_100_000), Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync("/account/log-in", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_posted_far_over_its_limit_is_read_to_its_end_so_the_browser_shows_the_413_page_and_keeps_its_connection()
    {
        using var client = api.PortClient();
        var address = client.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        // 20 MB for a form of 1 MB: a person who picked the wrong file. An API client would be cut off past 3 MB (twice
        // its limit and 1 MB); a page reads up to 64 MB so that the person reads why.
        var length = 20 * 1024 * 1024;

        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /account/log-in HTTP/1.1\r\nHost: {address.Authority}\r\nCookie: registry.lang=c=fr-MA|uic=fr-MA\r\n" +
            $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n"));
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (var sent = 0; sent < length; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk);
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /health/live HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n"));
        var answers = await ReadUntilAsync(stream, "Healthy", TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 413 ", answers, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html", answers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Envoi trop volumineux", answers, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 OK", answers[answers.IndexOf("\r\n\r\n", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>A body sent without Content-Length (chunked), as a client may stream one.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes, string contentType)
        {
            _bytes = bytes;
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
