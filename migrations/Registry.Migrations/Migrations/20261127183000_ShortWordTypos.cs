using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// A typo in a word of three letters is found (سوص for سوس): words of three letters are listed under their one-letter
    /// deletions apart, read only when the query word means nothing else (hand-written SQL in <c>Sql/ShortWordTypos.*.sql</c>).
    /// </summary>
    public partial class ShortWordTypos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("ShortWordTypos.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("ShortWordTypos.Down.sql"));
    }
}
