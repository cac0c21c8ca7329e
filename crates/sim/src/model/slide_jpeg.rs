//! The picture of the current slide: a real JPEG whose content follows the frame number, so a
//! client can see each presentation_frame bring a new picture.

use jpeg_encoder::{ColorType, Encoder};

pub const WIDTH: u16 = 320;
pub const HEIGHT: u16 = 180;

const PALETTE: [[u8; 3]; 6] = [
    [231, 76, 60],
    [46, 204, 113],
    [52, 152, 219],
    [241, 196, 15],
    [155, 89, 182],
    [26, 188, 156],
];

struct Canvas {
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(background: [u8; 3]) -> Canvas {
        let mut pixels = Vec::with_capacity(WIDTH as usize * HEIGHT as usize * 3);
        for _ in 0..(WIDTH as usize * HEIGHT as usize) {
            pixels.extend_from_slice(&background);
        }
        Canvas { pixels }
    }

    fn fill(&mut self, x: usize, y: usize, w: usize, h: usize, colour: [u8; 3]) {
        let (width, height) = (WIDTH as usize, HEIGHT as usize);
        for row in y.min(height)..(y + h).min(height) {
            for col in x.min(width)..(x + w).min(width) {
                let i = (row * width + col) * 3;
                self.pixels[i..i + 3].copy_from_slice(&colour);
            }
        }
    }
}

/// A small hash of the presenter, so each presenter's deck looks its own.
fn seed(presenter: &str) -> usize {
    presenter
        .bytes()
        .fold(17usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize))
}

/// Draws slide `frame` of `presenter`'s deck: a title bar, a bar chart whose bars move with the
/// frame, coloured blocks, and a progress bar. Returns JPEG bytes.
pub fn render(presenter: &str, frame: u64) -> Vec<u8> {
    let s = seed(presenter);
    let f = frame as usize;
    let shade = (f * 7 % 40) as u8;
    let mut c = Canvas::new([245 - shade, 245 - shade / 2, 250]);
    let accent = PALETTE[(s + f / 5) % PALETTE.len()];
    c.fill(0, 0, 320, 28, accent);
    c.fill(12, 9, 120 + (s % 80), 10, [255, 255, 255]);
    // The chart: six bars whose heights follow the frame.
    for bar in 0..6 {
        let height = 20 + (bar * 37 + f * 13 + s) % 90;
        let colour = PALETTE[(bar + f) % PALETTE.len()];
        c.fill(20 + bar * 28, 150 - height, 20, height, colour);
    }
    c.fill(16, 150, 172, 2, [60, 60, 60]);
    // Blocks on the right: one lit per frame.
    for i in 0..6 {
        let (bx, by) = (200 + (i % 2) * 56, 40 + (i / 2) * 36);
        let lit = i == f % 6;
        let colour = if lit {
            PALETTE[(s + i) % PALETTE.len()]
        } else {
            [210, 210, 215]
        };
        c.fill(bx, by, 48, 28, colour);
    }
    // Progress through the deck.
    let progress = (f % 20 + 1) * 320 / 20;
    c.fill(0, 170, 320, 10, [220, 220, 220]);
    c.fill(0, 170, progress, 10, accent);
    let mut out = Vec::new();
    let encoded = Encoder::new(&mut out, 80).encode(&c.pixels, WIDTH, HEIGHT, ColorType::Rgb);
    // Encoding a correctly sized RGB buffer cannot fail; an empty body would be the sign if it did.
    if encoded.is_err() {
        out.clear();
    }
    out
}
