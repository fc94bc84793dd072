using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The public search and the similar-name check by words (issue 3): a generated <c>search_words</c> column with a
    /// GIN index on organisations and on unconsumed reservations, and the word list with its one-letter deletions,
    /// kept by triggers (hand-written SQL in <c>Sql/NameWordsOf.Up.sql</c> and <c>Sql/NameWords.*.sql</c>; the word
    /// list is not part of the EF model). The trigram indexes of the normalised names go: nothing reads them any more,
    /// and every registration paid for them.
    /// </summary>
    public partial class NameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_organizations_normalized_name_ar_trgm",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropIndex(
                name: "ix_organizations_normalized_name_latin_trgm",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropIndex(
                name: "ix_name_reservations_normalized_ar_trgm",
                schema: "registry",
                table: "name_reservations");

            migrationBuilder.DropIndex(
                name: "ix_name_reservations_normalized_latin_trgm",
                schema: "registry",
                table: "name_reservations");

            migrationBuilder.Sql(SqlScripts.Read("NameWordsOf.Up.sql"));

            migrationBuilder.AddColumn<string[]>(
                name: "search_words",
                schema: "registry",
                table: "organizations",
                type: "text[]",
                nullable: true,
                computedColumnSql: "registry.name_words_of(normalized_name_ar, normalized_name_latin)",
                stored: true);

            migrationBuilder.AddColumn<string[]>(
                name: "search_words",
                schema: "registry",
                table: "name_reservations",
                type: "text[]",
                nullable: true,
                computedColumnSql: "registry.name_words_of(normalized_ar, normalized_latin)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_organizations_search_words",
                schema: "registry",
                table: "organizations",
                column: "search_words")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_search_words",
                schema: "registry",
                table: "name_reservations",
                column: "search_words",
                filter: "consumed_at IS NULL")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.Sql(SqlScripts.Read("NameWords.Up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("NameWords.Down.sql"));

            migrationBuilder.DropIndex(
                name: "ix_organizations_search_words",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropIndex(
                name: "ix_name_reservations_search_words",
                schema: "registry",
                table: "name_reservations");

            migrationBuilder.DropColumn(
                name: "search_words",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "search_words",
                schema: "registry",
                table: "name_reservations");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS registry.name_words_of(text, text);");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_normalized_name_ar_trgm",
                schema: "registry",
                table: "organizations",
                column: "normalized_name_ar")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_normalized_name_latin_trgm",
                schema: "registry",
                table: "organizations",
                column: "normalized_name_latin")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_normalized_ar_trgm",
                schema: "registry",
                table: "name_reservations",
                column: "normalized_ar")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_normalized_latin_trgm",
                schema: "registry",
                table: "name_reservations",
                column: "normalized_latin")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
