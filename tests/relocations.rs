//! The binary is position-independent, and the baked data needs no start-up
//! relocation: a pointer in the data is one relocation per string or list
//! (over 25,000 when the data was `&'static` slices), rewritten by the loader
//! at every start. The linker puts a static without pointers in `.rodata`
//! and one with pointers in `.data.rel.ro`: the sections tell.

#![cfg(all(target_os = "linux", target_pointer_width = "64"))]

/// An ELF file's type (`e_type`: 2 fixed address, 3 position-independent)
/// and the section holding a virtual address.
struct Elf(Vec<u8>);

impl Elf {
    fn u16_at(&self, at: usize) -> u16 {
        u16::from_le_bytes(self.0[at..at + 2].try_into().unwrap())
    }
    fn u32_at(&self, at: usize) -> u32 {
        u32::from_le_bytes(self.0[at..at + 4].try_into().unwrap())
    }
    fn u64_at(&self, at: usize) -> usize {
        u64::from_le_bytes(self.0[at..at + 8].try_into().unwrap()) as usize
    }

    fn read(path: &str) -> Elf {
        let elf = Elf(std::fs::read(path).unwrap());
        assert_eq!(&elf.0[..5], b"\x7fELF\x02", "{path}: a 64-bit ELF file");
        elf
    }

    fn kind(&self) -> u16 {
        self.u16_at(16)
    }

    fn section_of(&self, addr: usize) -> String {
        let (shoff, size, count) = (
            self.u64_at(40),
            self.u16_at(58) as usize,
            self.u16_at(60) as usize,
        );
        let header = |i: usize| shoff + i * size;
        let names = self.u64_at(header(self.u16_at(62) as usize) + 24);
        (0..count)
            .find(|&i| {
                let (start, len) = (self.u64_at(header(i) + 16), self.u64_at(header(i) + 32));
                start != 0 && (start..start + len).contains(&addr)
            })
            .map(|i| {
                let name = &self.0[names + self.u32_at(header(i)) as usize..];
                let end = name.iter().position(|&b| b == 0).unwrap();
                String::from_utf8_lossy(&name[..end]).into_owned()
            })
            .unwrap_or_else(|| format!("no section holds {addr:#x}"))
    }
}

/// Where this test program is loaded: the start of its first mapping.
fn load_base() -> usize {
    let exe = std::fs::read_link("/proc/self/exe").unwrap();
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    maps.lines()
        .find(|l| l.ends_with(exe.to_str().unwrap()) && l.split(' ').nth(2) == Some("00000000"))
        .map(|l| usize::from_str_radix(l.split('-').next().unwrap(), 16).unwrap())
        .expect("the program's first mapping")
}

#[test]
fn the_baked_data_is_read_only_without_relocations() {
    let elf = Elf::read("/proc/self/exe");
    let base = if elf.kind() == 3 { load_base() } else { 0 };
    let section = |p: *const u8| elf.section_of(p as usize - base);
    let data = rankinfo::builtin();
    let samples: [(&str, *const u8); 5] = [
        ("the dataset", data as *const _ as *const u8),
        ("a title", &data.ranks.titles[0] as *const _ as *const u8),
        (
            "a place",
            &data.places.places.place[0] as *const _ as *const u8,
        ),
        (
            "a source list",
            data.ranks.titles[0].sources.as_ptr() as *const u8,
        ),
        ("a string", data.ranks.titles[0].name.as_ptr()),
    ];
    for (what, p) in samples {
        assert_eq!(section(p), ".rodata", "{what}");
    }
}

#[test]
fn the_binary_is_position_independent() {
    assert_eq!(Elf::read(env!("CARGO_BIN_EXE_rankinfo")).kind(), 3);
}
