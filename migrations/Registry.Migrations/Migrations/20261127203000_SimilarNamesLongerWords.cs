using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The similar-name check warns of a name whose word is a longer form of the new name's ("Argan" of "Arganier"): a
    /// word of five letters or more is looked up among the known words it starts (hand-written SQL in
    /// <c>Sql/SimilarNamesLongerWords.*.sql</c>).
    /// </summary>
    public partial class SimilarNamesLongerWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SimilarNamesLongerWords.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SimilarNamesLongerWords.Down.sql"));
    }
}
