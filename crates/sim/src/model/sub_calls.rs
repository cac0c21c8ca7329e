//! Participant `calls`: a sub-call from a participant, to stream it (RTMP) or to watch it
//! (WebRTC). Each answer names a new call uuid; the call ends with the participant.

use super::error::{ApiError, ApiResult};
use super::ids::new_uuid;
use huikong_protocol::{CallsRequest, CallsResult};

/// A sub-call on the node named `name` (a host name, without the port): RTMP answers with its
/// URLs on the node; WebRTC answers the offer's SDP.
pub fn answer(req: &CallsRequest, name: &str) -> ApiResult<CallsResult> {
    let call_uuid = new_uuid();
    if req.is_rtmp() {
        return Ok(CallsResult {
            url: Some(format!("rtmp://{name}:40002/zjcloud/{call_uuid}")),
            secure_url: Some(format!("rtmps://{name}:40003/zjcloud/{call_uuid}")),
            sdp: None,
            call_uuid,
        });
    }
    if !req.call_type.eq_ignore_ascii_case("webrtc") {
        return Err(ApiError::IllegalValue);
    }
    let offer = req
        .sdp
        .as_deref()
        .filter(|s| s.contains("m="))
        .ok_or(ApiError::IllegalValue)?;
    Ok(CallsResult {
        sdp: Some(sdp_answer(offer, name)),
        url: None,
        secure_url: None,
        call_uuid,
    })
}

/// An SDP answer that accepts every media line of the offer with its first format.
fn sdp_answer(offer: &str, host: &str) -> String {
    let session = fastrand::u32(..);
    let mut out = format!(
        "v=0\r\no=huikong-sim {session} 1 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
    );
    for (i, line) in offer.lines().filter(|l| l.starts_with("m=")).enumerate() {
        let mut parts = line.trim_start_matches("m=").split_whitespace();
        let media = parts.next().unwrap_or("audio");
        let proto = parts.nth(1).unwrap_or("UDP/TLS/RTP/SAVPF");
        let format = parts.next().unwrap_or("0");
        out.push_str(&format!(
            "m={media} {} {proto} {format}\r\na=mid:{i}\r\na=sendrecv\r\n",
            40000 + 2 * i
        ));
    }
    out
}
