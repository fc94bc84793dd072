using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The statistics rollup (issue 5): cells pre-aggregated by grain, kept exact by statement-level triggers on
    /// organisations and findings. Hand-written SQL in <c>Sql/StatisticsRollup.*.sql</c> (not part of the EF model:
    /// only raw SQL reads and writes these tables).
    /// </summary>
    public partial class StatisticsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("StatisticsRollup.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("StatisticsRollup.Down.sql"));
    }
}
