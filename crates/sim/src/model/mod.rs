//! The simulated platform without its web face: the provisioned rooms, their members, what the
//! conference shows, each room's event bus, and the world of rooms, sessions and tokens. Nothing
//! here knows of HTTP (tests/layering.rs checks that no file here names the web framework): the
//! web layer (`api`) and the faults build on the model, never the other way round.

pub mod bus;
pub mod dial_out;
pub mod error;
pub mod ids;
pub mod member;
pub mod room;
pub mod room_info;
pub mod screen;
pub mod slide_jpeg;
pub mod sub_calls;
pub mod world;

pub use bus::{Bus, Frame, MalformedEvents};
pub use error::{ApiError, ApiResult};
pub use ids::{new_uuid, unix_now};
pub use member::Member;
pub use room::Room;
pub use room_info::{
    extra_room, extra_room_alias, provisioned_rooms, provisioned_rooms_with, RoomInfo,
    MAX_EXTRA_ROOMS,
};
pub use screen::Screen;
pub use world::{ApiSession, Caller, World};
