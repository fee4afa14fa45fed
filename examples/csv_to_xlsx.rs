//! Copy a UTF-8 CSV into an `.xlsx`, cell for cell, as text: the benchmark's
//! Excel input (`rankinfo batch` would append its columns, and refuses a
//! sheet that has them). `cargo run --release --example csv_to_xlsx -- IN OUT`.

use rankinfo::batch::csv::{Reader, Record};
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: csv_to_xlsx IN.csv OUT.xlsx");
        std::process::exit(2);
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory();
    let mut reader = Reader::new(Vec::new(), std::fs::File::open(input)?, b',');
    let (mut record, mut problems) = (Record::default(), Vec::new());
    let mut row = 0u32;
    while reader.read(&mut record, &mut problems)? {
        for col in 0..record.len() {
            let field = String::from_utf8_lossy(record.field(col).unwrap_or_default());
            sheet.write_string(row, u16::try_from(col)?, field)?;
        }
        row += 1;
    }
    book.save(output)?;
    Ok(())
}
