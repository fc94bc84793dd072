using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The similar-name check finds names it missed far above the threshold (words merged, a longer word, two words
    /// more, the Arabic article left out): compact-key btrees (the normalised name without spaces) on organisations and
    /// unconsumed reservations, and <c>registry.similar_names</c> replaced to look up the name less one or two words by
    /// them and to widen each word by its known prefixes and article forms (hand-written SQL in
    /// <c>Sql/SimilarNameCandidates.*.sql</c>; the EF model does not change). The search function is left alone.
    /// </summary>
    public partial class SimilarNameCandidates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SimilarNameCandidates.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SimilarNameCandidates.Down.sql"));
    }
}
