using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Registry.IntegrationTests.Contract;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.LegalStatus;

public sealed class DocumentTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Theory]
    [InlineData("elf")]
    [InlineData("exe")]
    [InlineData("html")]
    [InlineData("zip")]
    public async Task A_file_that_is_not_a_PDF_JPEG_or_PNG_is_refused_whatever_its_name_and_type(string what)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = await applicant.DraftAsync();
        byte[] content = what switch
        {
            "elf" => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00],
            "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
            "html" => "<html><script>alert(1)</script></html>"u8.ToArray(),
            _ => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00],
        };

        var response = await applicant.AttachAsync(id, "Statutes", content, "statuts.pdf", "application/pdf");

        var problem = await ErrorContractTests.AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Seuls les fichiers PDF, JPEG et PNG complets sont acceptés, sans fichier joint ni programme ; ce fichier n'en est pas un.", (string)problem["detail"]!);
        Assert.Equal("Type de contenu non accepté", (string)problem["title"]!);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
    }

    [Theory]
    [InlineData("program")]
    [InlineData("program ending %%EOF")]
    [InlineData("cut short")]
    [InlineData("PNG signature then a program")]
    [InlineData("JPEG start then a program")]
    [InlineData("PNG with a wrong checksum")]
    [InlineData("PDF with a program in a Flate stream")]
    [InlineData("PDF with a launch action")]
    public async Task A_file_that_only_begins_like_a_PDF_PNG_or_JPEG_is_refused_and_nothing_is_stored(string what)
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = await applicant.DraftAsync();
        byte[] content = what switch
        {
            "program" => [.. "%PDF-1.7\n"u8, .. Samples.Executable()],
            "program ending %%EOF" => [.. "%PDF-1.7\n"u8, .. Samples.Executable(), .. "\n%%EOF\n"u8],
            "cut short" => Samples.Pdf[..^8],
            "PNG signature then a program" => [.. Samples.Png.AsSpan(0, 8), .. Samples.Executable()],
            "PNG with a wrong checksum" => [.. Samples.Png[..^1], (byte)(Samples.Png[^1] ^ 1)],
            "PDF with a program in a Flate stream" => Samples.FlatePdf(Samples.Executable()),
            "PDF with a launch action" => [.. "%PDF-1.7\n1 0 obj<</Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>>>endobj\n"u8, .. Samples.Pdf.AsSpan(9)],
            _ => [.. Samples.Jpeg.AsSpan(0, 4), .. Samples.Executable(), 0xFF, 0xD9],
        };

        var response = await applicant.AttachAsync(id, "Statutes", content, "statuts.pdf", "application/pdf");

        var problem = await ErrorContractTests.AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Seuls les fichiers PDF, JPEG et PNG complets sont acceptés, sans fichier joint ni programme ; ce fichier n'en est pas un.", (string)problem["detail"]!);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM registry.document_contents WHERE encode(sha256(content), 'hex') = $1", Convert.ToHexStringLower(SHA256.HashData(content))));
    }

    [Fact]
    public async Task A_PDF_with_bytes_after_its_EOF_or_a_compressed_page_is_stored_as_sent()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();
        // A mail gateway's footer after %%EOF, as readers tolerate it; a page's text compressed, as every PDF writer does.
        byte[] forwarded = [.. Samples.Pdf, .. "\r\n-- Analysé par la passerelle de messagerie\r\n"u8];
        var compressed = Samples.FlatePdf("BT /F1 12 Tf 72 712 Td (Statuts de la cooperative) Tj ET"u8);

        var first = await owner.AttachAsync(id, "Statutes", forwarded, "statuts.pdf");
        var second = await owner.AttachAsync(id, "ConstitutiveMinutes", compressed, "pv.pdf");

        await WorkflowSteps.Expect(first, HttpStatusCode.Created);
        await WorkflowSteps.Expect(second, HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(forwarded)), (string)(await first.ReadJsonAsync())["sha256"]!);
        Assert.Equal("application/pdf", (string)(await second.ReadJsonAsync())["contentType"]!);
    }

    [Fact]
    public async Task A_refused_file_is_explained_in_Arabic_when_asked()
    {
        var applicant = await api.Actors.ClientAsync(Actor.Owner);
        var id = await applicant.DraftAsync();

        var notADocument = await ErrorContractTests.AssertProblem(
            await applicant.PostAsync(Path(id), Form(("kind", "Statutes")).WithFile([0x4D, 0x5A, 0x90, 0x00], "x.pdf"), "ar"), HttpStatusCode.UnsupportedMediaType);
        var longField = await ErrorContractTests.AssertProblem(
            await applicant.PostAsync(Path(id), Form(("kind", new string('S', 2000))).WithFile(Samples.Pdf, "x.pdf"), "ar"), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("لا تقبل إلا ملفات PDF وJPEG وPNG كاملة، دون ملف مرفق أو برنامج بداخلها؛ وهذا الملف ليس منها.", (string)notADocument["detail"]!);
        Assert.Equal("نوع المحتوى غير مقبول", (string)notADocument["title"]!);
        Assert.Equal("يتجاوز أحد حقول الاستمارة 1 كيلوبايت، وهو الحجم الأقصى.", (string)longField["detail"]!);
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=")]
    [InlineData(null)]
    public async Task A_multipart_request_without_its_boundary_or_content_type_is_400_saying_what_to_send(string? contentType)
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();
        foreach (var (language, expected) in new[]
        {
            ((string?)null, "Envoyez une requête multipart/form-data bien formée (avec sa limite, « boundary »), le fichier dans une partie « file »."),
            ("ar", "أرسل طلبا بصيغة multipart/form-data سليمة (مع حدّه «boundary»)، والملف في جزء «file»."),
        })
        {
            var content = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nStatutes\r\n--x--\r\n"u8.ToArray());
            if (contentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            var problem = await ErrorContractTests.AssertProblem(await owner.PostAsync(Path(id), content, language), HttpStatusCode.BadRequest);
            Assert.Equal(expected, (string)problem["detail"]!);
        }
    }

    [Fact]
    public async Task A_body_of_another_type_stays_415()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();
        using var json = new StringContent("{\"kind\":\"Statutes\"}", System.Text.Encoding.UTF8, "application/json");

        // Refused by routing (the endpoint accepts multipart/form-data only), before the endpoint reads anything.
        var problem = await ErrorContractTests.AssertProblem(await owner.PostAsync(Path(id), json), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Type de contenu non accepté", (string)problem["title"]!);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("Statutes,Other")]
    [InlineData("Statutes, Other")]
    [InlineData(" Statutes")]
    [InlineData("Nope")]
    [InlineData("")]
    public async Task Only_a_kind_named_as_defined_is_accepted(string kind)
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();

        var problem = await ErrorContractTests.AssertProblem(
            await owner.AttachAsync(id, kind, Samples.Pdf, "statuts.pdf"), HttpStatusCode.BadRequest);

        Assert.Equal(["kind"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(
            "Envoyez un champ « kind » qui vaut l'un de : Statutes, ConstitutiveMinutes, BankCertificate, LocalAuthorityReceipt, MembersList, FinancialPlan, MemberCooperativesDecisions, Other.",
            (string)problem["errors"]!["kind"]![0]!);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task A_kind_is_read_whatever_its_case()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();

        await WorkflowSteps.Expect(await owner.AttachAsync(id, "bankcertificate", Samples.Pdf, "banque.pdf"), HttpStatusCode.Created);

        Assert.Equal("BankCertificate", await api.ScalarAsync<string>("SELECT kind FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task Two_files_in_one_request_are_400_and_store_nothing()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();
        var form = Form(("kind", "Statutes")).WithFile(Samples.Pdf, "statuts.pdf").WithFile(Samples.Png, "autre.png");

        var problem = await ErrorContractTests.AssertProblem(await owner.PostAsync(Path(id), form), HttpStatusCode.BadRequest);

        Assert.Equal("Un seul fichier par requête : envoyez chaque document dans une requête à part.", (string)problem["errors"]!["file"]![0]!);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task A_document_is_recognised_from_its_bytes_hashed_and_downloadable_only_by_owner_and_region()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();

        // A PNG sent as "application/pdf" named ".pdf" is stored as the PNG it is.
        var attached = await owner.AttachAsync(id, "Statutes", Samples.Png, "statuts.pdf", "application/pdf");
        await WorkflowSteps.Expect(attached, HttpStatusCode.Created);
        var document = await attached.ReadJsonAsync();
        Assert.Equal("image/png", (string)document["contentType"]!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Samples.Png)), (string)document["sha256"]!);
        await WorkflowSteps.Expect(await owner.AttachAsync(id, "BankCertificate", Samples.Jpeg, "banque.jpg", "image/jpeg"), HttpStatusCode.Created);
        await owner.SubmitAsync(id);

        var path = $"/api/v1/applications/{id}/documents/{(string)document["id"]!}";
        var download = await owner.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Samples.Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, (await (await api.Actors.ClientAsync(Actor.OfficialOfRegion)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.Actors.ClientAsync(Actor.OfficialOfOtherRegion)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.Actors.ClientAsync(Actor.OtherApplicant)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await api.Actors.ClientAsync(Actor.Anonymous)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.Actors.ClientAsync(Actor.Analyst)).GetAsync(path)).StatusCode);

        // Once submitted, the file is what the official reviews: it can no longer be added to.
        var late = await owner.AttachAsync(id, "Other", Samples.Pdf, "late.pdf");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("APPLICATION_STATE", (string)(await late.ReadJsonAsync())["code"]!);
    }

    [Fact]
    public async Task An_upload_sent_again_with_its_Idempotency_Key_is_attached_once_and_another_file_under_that_key_is_409()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync(Samples.Association());

        async Task<HttpResponseMessage> AttachWithKeyAsync(byte[] content)
        {
            var form = new MultipartFormDataContent { { new StringContent("Statutes"), "kind" } };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "statuts.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/documents") { Content = form };
            request.Headers.Add("Idempotency-Key", "statuts-upload-1");
            return await owner.SendAsync(request);
        }

        var first = await AttachWithKeyAsync(Samples.Pdf);
        var again = await AttachWithKeyAsync(Samples.Pdf);
        var other = await AttachWithKeyAsync("%PDF-1.4\n% another file\n%%EOF\n"u8.ToArray());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((string)(await first.ReadJsonAsync())["id"]!, (string)(await again.ReadJsonAsync())["id"]!);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Single((await (await owner.GetAsync($"/api/v1/applications/{id}/documents")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task A_missing_required_document_is_the_REQUIRED_DOCUMENTS_rule()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync(Samples.Association());
        await WorkflowSteps.Expect(await owner.AttachAsync(id, "Statutes", Samples.Pdf, "statuts.pdf"), HttpStatusCode.Created);

        var response = await owner.PostAsync($"/api/v1/applications/{id}/submit", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rules = (await response.ReadJsonAsync())["rules"]!.AsArray();
        Assert.Equal(["REQUIRED_DOCUMENTS"], rules.Select(r => (string)r!["code"]!));
    }

    [Fact]
    public async Task A_document_of_10_MB_is_accepted_and_one_byte_more_is_413()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();
        var limit = Samples.PdfOfLength(10 * 1024 * 1024);

        await WorkflowSteps.Expect(await owner.AttachAsync(id, "Statutes", limit, "statuts.pdf"), HttpStatusCode.Created);
        var over = Samples.PdfOfLength(limit.Length + 1);
        var refused = await ErrorContractTests.AssertProblem(await owner.AttachAsync(id, "ConstitutiveMinutes", over, "pv.pdf"), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Le fichier dépasse 10 Mo, la taille maximale.", (string)refused["detail"]!);
        Assert.Equal("Contenu trop volumineux", (string)refused["title"]!);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.documents WHERE application_id = $1", Guid.Parse(id)));
    }

    [Fact]
    public async Task A_huge_upload_is_refused_after_reading_no_more_than_the_limit()
    {
        // The reader the upload endpoint uses, on a 300 MB body without a declared length.
        var body = new EndlessPdf(300L * 1024 * 1024);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        const string boundary = "registry-boundary";
        context.Request.ContentType = $"multipart/form-data; boundary={boundary}";
        context.Request.Body = new ConcatenatedStream(
            System.Text.Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
            body);

        await Assert.ThrowsAsync<Registry.Application.Common.Exceptions.ContentTooLargeException>(() =>
            Registry.Api.Endpoints.MultipartUpload.ReadAsync(context.Request, 10L * 1024 * 1024, CancellationToken.None));

        Assert.InRange(body.Position, 10L * 1024 * 1024, 11L * 1024 * 1024);
    }

    private static string Path(string id) => $"/api/v1/applications/{id}/documents";

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    /// <summary>A prefix followed by another stream.</summary>
    private sealed class ConcatenatedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(count, prefix.Length - _offset);
                Array.Copy(prefix, _offset, buffer, offset, n);
                _offset += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var id = await owner.DraftAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/documents")
        {
            Content = new StreamContent(new EndlessPdf(64 * 1024 * 1024)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        request.Content.Headers.ContentLength = 64 * 1024 * 1024;
        var response = await owner.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A PDF header followed by as many zero bytes as asked, produced as it is read.</summary>
    private sealed class EndlessPdf(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            if (n <= 0)
            {
                return 0;
            }

            Array.Clear(buffer, offset, n);
            if (_position == 0 && n >= Samples.Pdf.Length)
            {
                Samples.Pdf.CopyTo(buffer, offset);
            }

            _position += n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

internal static class DocumentRequests
{
    public static MultipartFormDataContent WithFile(this MultipartFormDataContent form, byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, HttpContent content, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return client.SendAsync(request);
    }
}
